package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.identity.TrustPolicy.Grant;

class TrustPolicyTest {

    @Test
    void shouldListTheAwsPrincipalsOfAllowStatementsWithTheirAccounts() {
        String policy = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"},
                  {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666",
                     "arn:aws-us-gov:iam::777788889999:role/ci", "AROAEXAMPLEUNIQUEID"]}, "Action": "sts:AssumeRole"},
                  {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::999988887777:root"}, "Action": "sts:AssumeRole"}
                ]}""";

        assertThat(TrustPolicy.parse(policy)).hasValue(new TrustPolicy(List.of(
                new Grant("arn:aws:iam::111122223333:root", "111122223333", false),
                new Grant("444455556666", "444455556666", false),
                new Grant("arn:aws-us-gov:iam::777788889999:role/ci", "777788889999", false),
                new Grant("AROAEXAMPLEUNIQUEID", null, false))));
    }

    @Test
    void shouldTreatAPrincipalStarAndNotPrincipalAsAnyone() {
        String star = """
                {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole",
                  "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}}""";
        String notPrincipal = """
                {"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"},
                  "Action": "sts:AssumeRole"}]}""";

        assertThat(TrustPolicy.parse(star)).hasValueSatisfying(p -> assertThat(p.grants())
                .containsExactly(new Grant("*", null, true)));
        assertThat(TrustPolicy.parse(notPrincipal)).hasValueSatisfying(p -> assertThat(p.grants())
                .singleElement().satisfies(g -> assertThat(g.anyone()).isTrue()));
    }

    @Test
    void shouldDecodeAUrlEncodedDocument() {
        String encoded = URLEncoder.encode(
                "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}}]}", StandardCharsets.UTF_8);

        assertThat(TrustPolicy.parse(encoded)).hasValueSatisfying(p -> assertThat(p.grants())
                .extracting(Grant::principal).containsExactly("*"));
    }

    @Test
    void shouldBeEmptyForTextThatIsNotAPolicy() {
        assertThat(TrustPolicy.parse(null)).isEmpty();
        assertThat(TrustPolicy.parse("")).isEmpty();
        assertThat(TrustPolicy.parse("{not json")).isEmpty();
        assertThat(TrustPolicy.parse("%E0%A4%A")).as("broken URL encoding").isEmpty();
        assertThat(TrustPolicy.parse("[1, 2]")).isEmpty();
    }

    @Test
    void shouldTellWhetherAGrantRequiresAnExternalId() {
        String policy = """
                {"Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sts:AssumeRole",
                   "Condition": {"StringEquals": {"sts:externalid": "vendor-7"}}},
                  {"Effect": "Allow", "Principal": {"AWS": "777788889999"}, "Action": "sts:AssumeRole",
                   "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}
                ]}""";

        assertThat(TrustPolicy.parse(policy)).hasValue(new TrustPolicy(List.of(
                new Grant("444455556666", "444455556666", true, true),
                new Grant("777788889999", "777788889999", true, false))));
    }
}
