package dev.roletrail.streams.unused.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LeastPrivilegePolicyTest {

    @Test
    void shouldAllowExactlyTheObservedActionsSortedAndOnce() throws Exception {
        String policy = LeastPrivilegePolicy.of(List.of("sts:AssumeRole", "s3:ListAllMyBuckets", "sts:AssumeRole"));

        assertThat(policy).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ObservedUse\","
                + "\"Effect\":\"Allow\",\"Action\":[\"s3:ListAllMyBuckets\",\"sts:AssumeRole\"],\"Resource\":\"*\"}]}");
        assertThat(new PolicyExpander(ActionCatalog.standard())
                .expand(PolicyDocument.parse(PolicyDocumentTest.json(policy))).actions())
                .as("the generated policy grants what was used").containsExactly("s3:ListAllMyBuckets", "sts:AssumeRole");
    }
}
