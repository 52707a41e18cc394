package dev.roletrail.schemas.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;

class PrincipalsTest {

    static Stream<JsonNode> shapes() throws IOException {
        try (InputStream in = PrincipalsTest.class.getResourceAsStream("/user-identity-shapes.jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.isBlank()).map(PrincipalsTest::readTree).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void shouldDeriveAStablePrincipalForEveryIdentityShape(JsonNode shape) throws IOException {
        UserIdentity identity = Json.mapper().treeToValue(shape.get("userIdentity"), UserIdentity.class);

        Principal principal = Principals.of(identity, "999999999999");

        assertThat(principal.id()).isEqualTo(shape.get("expect").asText());
        assertThat(principal.type()).isEqualTo(PrincipalType.valueOf(shape.get("type").asText()));
    }

    @Test
    void shouldNameTheRecipientAccountWhenTheIdentityIsMissing() {
        assertThat(Principals.of(null, "123456789012"))
                .isEqualTo(new Principal("unknown:123456789012", PrincipalType.UNKNOWN, "123456789012"));
    }

    @Test
    void shouldRebuildTheRoleFromAnAssumedRoleArnWithoutSessionIssuer() {
        UserIdentity identity = new UserIdentity("AssumedRole", "AROA:sess",
                "arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com", "123456789012", "ASIAX", null, null,
                null, null, null, null);

        assertThat(Principals.roleArn(identity)).isEqualTo("arn:aws:iam::123456789012:role/Admin");
    }

    private static JsonNode readTree(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
