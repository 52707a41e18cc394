package dev.roletrail.streams.unused.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.streams.unused.policy.PolicyDocument.Statement;

class PolicyDocumentTest {

    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void shouldReadAStatementObjectWithStringActionAndResource() throws Exception {
        PolicyDocument policy = PolicyDocument.parse(json(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}"));

        assertThat(policy.statements()).containsExactly(
                new Statement(true, List.of("s3:GetObject"), false, false, false));
    }

    @Test
    void shouldReadStatementArraysWithNotActionDenyAndConditions() throws Exception {
        PolicyDocument policy = PolicyDocument.parse(json("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":["*"]},
                  {"Effect":"Deny","Action":["s3:DeleteBucket"],"Resource":"*",
                   "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}},
                  {"Effect":"Deny","Action":"ec2:*","NotResource":"arn:aws:ec2:*:*:instance/i-1"}
                ]}"""));

        assertThat(policy.statements()).containsExactly(
                new Statement(true, List.of("iam:*", "organizations:*"), true, true, false),
                new Statement(false, List.of("s3:DeleteBucket"), false, true, true),
                new Statement(false, List.of("ec2:*"), false, false, false));
        assertThat(policy.statements()).extracting(Statement::unconditionalDeny).containsExactly(false, false, false);
    }

    @Test
    void shouldReadAPolicyHeldAsJsonText() {
        PolicyDocument policy = PolicyDocument.parse(new TextNode(
                "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));

        assertThat(policy.statements()).singleElement().satisfies(s -> {
            assertThat(s.actions()).containsExactly("*");
            assertThat(s.unconditionalDeny()).isTrue();
        });
    }

    @Test
    void shouldBeEmptyForWhatIsNotAPolicyAndSkipStatementsWithoutAValidEffect() throws Exception {
        assertThat(PolicyDocument.parse(null)).isEqualTo(PolicyDocument.EMPTY);
        assertThat(PolicyDocument.parse(new TextNode("not json"))).isEqualTo(PolicyDocument.EMPTY);
        assertThat(PolicyDocument.parse(json("[1,2]"))).isEqualTo(PolicyDocument.EMPTY);
        assertThat(PolicyDocument.parse(json("{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"s3:*\"}]}"))
                .statements()).isEmpty();
    }
}
