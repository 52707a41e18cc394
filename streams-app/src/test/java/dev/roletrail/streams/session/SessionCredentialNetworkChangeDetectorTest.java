package dev.roletrail.streams.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailEvent;

class SessionCredentialNetworkChangeDetectorTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/app";
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    private final SessionCredentialNetworkChangeDetector detector = new SessionCredentialNetworkChangeDetector(
            new DetectorSettings("session-credential-network-change", Settings.of(Map.of())));

    @Test
    void shouldFireWhenAKnownSessionIsUsedAwayFromWhereItStarted() {
        Observation use = inSession("198.51.100.0/24", "203.0.113.50", "laptop");

        assertThat(detector.evaluate(null, null, use)).hasValueSatisfying(a -> {
            assertThat(a.entity()).isEqualTo(use.accessKeyId());
            assertThat(a.unusual()).isEqualTo("used from 203.0.113.0/24");
            assertThat(a.baseline()).contains("198.51.100.0/24");
        });
    }

    @Test
    void shouldFireWhenASessionOfUnknownStartMovesAwayFromItsFirstNetwork() {
        Observation use = unknownSession("i-0abc1234def567890", "203.0.113.50", "aws-sdk-go/1.44");
        SessionUse first = new SessionUse(use.accessKeyId(), "10.20.30.0/24", NOW.minusSeconds(600),
                NOW.minusSeconds(60));

        assertThat(detector.evaluate(first, null, use)).hasValueSatisfying(a ->
                assertThat(a.unusual()).contains("EC2 instance-role credentials"));
    }

    @Test
    void shouldFireForAnInstanceRoleClientNeverSeenForTheRole() {
        Observation use = unknownSession("i-0abc1234def567890", "10.20.30.40", "python-requests/2.31");
        SessionUse first = new SessionUse(use.accessKeyId(), "10.20.30.0/24", NOW.minusSeconds(600), NOW);
        RoleClients clients = new RoleClients(ROLE, List.of("aws-sdk-go"), NOW.minus(Duration.ofDays(30)));

        assertThat(detector.evaluate(first, clients, use)).hasValueSatisfying(a ->
                assertThat(a.unusual()).startsWith("used with python-requests"));
    }

    @Test
    void shouldStayQuietOnTheHomeNetworkAndForAwsServices() {
        Observation home = inSession("198.51.100.0/24", "198.51.100.9", "laptop");
        Observation viaService = inSession("198.51.100.0/24", "AWS Internal", "laptop");

        assertThat(detector.evaluate(null, null, home)).isEmpty();
        assertThat(detector.evaluate(null, null, viaService)).isEmpty();
    }

    @Test
    void shouldStayQuietForAKnownClientOrWhileTheRoleIsLearning() {
        Observation use = unknownSession("i-0abc1234def567890", "10.20.30.40", "aws-sdk-go/1.45");
        SessionUse first = new SessionUse(use.accessKeyId(), "10.20.30.0/24", NOW.minusSeconds(600), NOW);

        assertThat(detector.evaluate(first, new RoleClients(ROLE, List.of("aws-sdk-go"),
                NOW.minus(Duration.ofDays(30))), use)).isEmpty();
        assertThat(detector.evaluate(first, new RoleClients(ROLE, List.of("boto3"), NOW.minus(Duration.ofDays(1))),
                use)).as("role observed one day of a 14-day learning period").isEmpty();
    }

    private static Observation inSession(String issuedFrom, String usedFrom, String sessionName) {
        CloudTrailEvent event = CloudTrailEvent.byRoleSession(ROLE, sessionName).from(usedFrom).at(NOW);
        String key = event.tree().at("/userIdentity/accessKeyId").asText();
        Session session = new Session(key, ROLE, "arn:aws:iam::111122223333:user/alice",
                List.of("arn:aws:iam::111122223333:user/alice", ROLE), null, "AssumeRole", sessionName,
                NOW.minusSeconds(900), NOW.plusSeconds(2700), issuedFrom, "e-0");
        return TestObservations.inSession(event, session);
    }

    private static Observation unknownSession(String sessionName, String usedFrom, String userAgent) {
        return TestObservations.of(CloudTrailEvent.byRoleSession(ROLE, sessionName).from(usedFrom)
                .userAgent(userAgent).at(NOW));
    }
}
