package dev.roletrail.streams.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailEvent;

class RoleChainDetectorTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String A = "arn:aws:iam::111122223333:role/A";
    private static final String B = "arn:aws:iam::111122223333:role/B";
    private static final String C = "arn:aws:iam::111122223333:role/C";
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(60));

    private final RoleChainDetector detector = new RoleChainDetector(
            new DetectorSettings("role-chain", Settings.of(Map.of("detector.role-chain.max-depth", "2"))));

    @Test
    void shouldFireForAChainDeeperThanAllowed() {
        var alert = detector.evaluate(session(ALICE, A, B, C), LONG_AGO, LONG_AGO, observation(B, C));

        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.unusual()).contains("3 hops deep");
            assertThat(a.role()).isEqualTo(C);
        });
    }

    @Test
    void shouldFireForAChainThatRevisitsARole() {
        var alert = detector.evaluate(session(ALICE, A, B, A), LONG_AGO, LONG_AGO, observation(B, A));

        assertThat(alert).hasValueSatisfying(a -> assertThat(a.unusual()).contains("returns to " + A));
    }

    @Test
    void shouldFireForANewPathOnceTheRoleHasChainedForTheLearningPeriod() {
        var alert = detector.evaluate(session(ALICE, A, B), null, LONG_AGO, observation(A, B));

        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.unusual()).startsWith("new chain path");
        });
    }

    @Test
    void shouldStayQuietForAKnownPathWithinTheDepth() {
        assertThat(detector.evaluate(session(ALICE, A, B), LONG_AGO, LONG_AGO, observation(A, B))).isEmpty();
    }

    @Test
    void shouldStayQuietForANewPathWhileLearning() {
        assertThat(detector.evaluate(session(ALICE, A, B), null, NOW.minus(Duration.ofDays(3)), observation(A, B)))
                .isEmpty();
        assertThat(detector.evaluate(session(ALICE, A, B), null, null, observation(A, B))).isEmpty();
    }

    @Test
    void shouldKeepANewPathPendingWhileTheRoleIsLearningOrHasNotChained() {
        Session session = session(ALICE, A, B);

        assertThat(detector.pendingWhileLearning(session, null, NOW.minus(Duration.ofDays(3)), observation(A, B)))
                .hasValueSatisfying(p -> {
                    assertThat(p.role()).isEqualTo(B);
                    assertThat(p.path()).isEqualTo(ALICE + " -> " + A + " -> " + B);
                    assertThat(p.firstAt()).isEqualTo(NOW);
                });
        assertThat(detector.pendingWhileLearning(session, null, null, observation(A, B))).isPresent();
    }

    @Test
    void shouldKeepNothingPendingForAKnownPathOrOneAlertedAtOnce() {
        assertThat(detector.pendingWhileLearning(session(ALICE, A, B), LONG_AGO, null, observation(A, B)))
                .as("known path").isEmpty();
        assertThat(detector.pendingWhileLearning(session(ALICE, A, B), null, LONG_AGO, observation(A, B)))
                .as("learned: alerted as new").isEmpty();
        assertThat(detector.pendingWhileLearning(session(ALICE, A, B, C), null, null, observation(B, C)))
                .as("too deep: alerted whatever the history").isEmpty();
    }

    @Test
    void shouldAlertAPendingPathAsItWouldHaveBeenAlertedAtOnce() {
        Observation call = observation(A, B);
        var pendingPath = detector.pendingWhileLearning(session(ALICE, A, B), null, null, call).orElseThrow();

        assertThat(detector.learned(LONG_AGO, pendingPath.firstAt())).isTrue();
        assertThat(detector.learned(NOW.minus(Duration.ofDays(3)), pendingPath.firstAt())).isFalse();
        assertThat(detector.alert(pendingPath, LONG_AGO))
                .isEqualTo(detector.evaluate(session(ALICE, A, B), null, LONG_AGO, call).orElseThrow());
    }

    private static Session session(String... chain) {
        List<String> path = List.of(chain);
        return new Session("ASIANEW", path.get(path.size() - 1), path.get(0), path, null, "AssumeRole", "s", NOW,
                NOW.plusSeconds(3600), "198.51.100.0/24", "e-1");
    }

    private static dev.roletrail.streams.identity.Observation observation(String actingRole, String target) {
        return TestObservations.of(CloudTrailEvent.byRoleSession(actingRole, "alice").assumeRole(target).at(NOW));
    }
}
