package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

class SessionIssuanceTest {

    @Test
    void shouldDescribeTheSessionAnAssumeRoleIssues() {
        CloudTrailEvent event = CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/bob")
                .assumeRole("arn:aws:iam::111122223333:role/Deploy").at(Instant.parse("2026-01-01T00:00:00Z"))
                .from("203.0.113.9");

        Session session = SessionIssuance.from(TestObservations.of(event)).orElseThrow();

        assertThat(session.keyId()).isEqualTo(event.issuedKeyId());
        assertThat(session.actingAs()).isEqualTo("arn:aws:iam::111122223333:role/Deploy");
        assertThat(session.chain()).containsExactly("arn:aws:iam::111122223333:user/bob",
                "arn:aws:iam::111122223333:role/Deploy");
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
        assertThat(session.issuedFrom()).isEqualTo("203.0.113.0/24");
    }

    @Test
    void shouldFollowAFederationTokenToTheFederatedUser() {
        String record = CloudTrailSamples.stratus("aws.persistence.sts-federation-token.json");
        var observation = TestObservations.of(firstEvent(record, "GetFederationToken"));

        Session session = SessionIssuance.from(observation).orElseThrow();

        assertThat(session.issuedBy()).isEqualTo("GetFederationToken");
        assertThat(session.actingAs()).contains(":federated-user/");
        assertThat(session.origin()).isEqualTo(observation.principal().id());
        assertThat(session.expiresAt()).isEqualTo(observation.event().eventTime().plusSeconds(12 * 3600));
    }

    @Test
    void shouldIgnoreDeniedAndNonStsCalls() {
        assertThat(SessionIssuance.from(TestObservations.of(CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/x")
                .assumeRole("arn:aws:iam::111122223333:role/R").denied()))).isEmpty();
        assertThat(SessionIssuance.from(TestObservations.of(CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/x")))).isEmpty();
    }

    private static String firstEvent(String jsonArray, String eventName) {
        try {
            for (var node : dev.roletrail.schemas.Json.mapper().readTree(jsonArray)) {
                if (eventName.equals(node.path("eventName").asText())) {
                    return node.toString();
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("no " + eventName);
    }
}
