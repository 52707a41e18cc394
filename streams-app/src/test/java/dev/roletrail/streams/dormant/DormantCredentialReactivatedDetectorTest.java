package dev.roletrail.streams.dormant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.keys.KeyUsage;
import dev.roletrail.streams.profile.PrincipalProfile;
import dev.roletrail.testkit.CloudTrailEvent;

class DormantCredentialReactivatedDetectorTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/NightlyBatch";
    private static final String CAROL = "arn:aws:iam::111122223333:user/carol";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Duration DORMANCY = Duration.ofDays(90);

    private final DormantCredentialReactivatedDetector detector = detector(Map.of());

    @Test
    void shouldFireForARoleIdleForExactlyTheDormancyPeriod() {
        Observation call = TestObservations.of(CloudTrailEvent.byRoleSession(ROLE, "batch").at(NOW));

        var alert = detector.evaluate(profile(ROLE, PrincipalType.ROLE, NOW.minus(DORMANCY)), call);

        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.detector()).isEqualTo("dormant-credential-reactivated");
            assertThat(a.entity()).isEqualTo(ROLE);
            assertThat(a.role()).isEqualTo(ROLE);
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.baseline()).contains("role active from", "(42 events)", "dormant after 90 days");
            assertThat(a.unusual()).isEqualTo("iam.amazonaws.com ListRoles after 90 days idle");
        });
    }

    @Test
    void shouldStayQuietOneSecondShortOfTheDormancyPeriod() {
        Observation call = TestObservations.of(CloudTrailEvent.byRoleSession(ROLE, "batch").at(NOW));

        assertThat(detector.evaluate(profile(ROLE, PrincipalType.ROLE, NOW.minus(DORMANCY).plusSeconds(1)), call))
                .isEmpty();
    }

    @Test
    void shouldStayQuietForAPrincipalNeverSeenBefore() {
        Observation call = TestObservations.of(CloudTrailEvent.byRoleSession(ROLE, "batch").at(NOW));

        assertThat(detector.evaluate((PrincipalProfile) null, call)).isEmpty();
    }

    @Test
    void shouldStayQuietForAnEventDeliveredLate() {
        Observation late = TestObservations.of(
                CloudTrailEvent.byRoleSession(ROLE, "batch").at(NOW.minus(Duration.ofDays(200))));

        assertThat(detector.evaluate(profile(ROLE, PrincipalType.ROLE, NOW), late))
                .as("an event older than the last activity is not a reactivation").isEmpty();
    }

    @Test
    void shouldFireForAUserActingInASessionAfterTheDormancyPeriod() {
        Observation call = TestObservations.of(
                CloudTrailEvent.byUser(CAROL).withAccessKey("ASIAEXAMPLESESSION1").at(NOW));

        assertThat(detector.evaluate(profile(CAROL, PrincipalType.IAM_USER, NOW.minus(Duration.ofDays(120))), call))
                .hasValueSatisfying(a -> {
                    assertThat(a.entity()).isEqualTo(CAROL);
                    assertThat(a.role()).isNull();
                    assertThat(a.unusual()).endsWith("after 120 days idle");
                });
    }

    @Test
    void shouldLeaveAUsersLongTermKeyCallsToTheKey() {
        Observation call = TestObservations.of(CloudTrailEvent.byUser(CAROL).at(NOW));
        String keyId = call.accessKeyId();
        KeyUsage key = new KeyUsage(keyId, CAROL, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(120)), 7,
                List.of(new KeyUsage.KnownNetwork("203.0.113.0/24", NOW.minus(Duration.ofDays(400)),
                        NOW.minus(Duration.ofDays(120)))), List.of("aws-cli"));

        assertThat(detector.evaluate(profile(CAROL, PrincipalType.IAM_USER, NOW.minus(Duration.ofDays(120))), call))
                .as("the user's profile").isEmpty();
        assertThat(detector.evaluate(key, call)).as("the key").hasValueSatisfying(a -> {
            assertThat(a.entity()).isEqualTo(keyId);
            assertThat(a.accessKeyId()).isEqualTo(keyId);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.baseline()).contains("key of " + CAROL, "(7 calls)");
            assertThat(a.unusual()).contains("signed with " + keyId, "from 203.0.113.0/24", "after 120 days idle");
        });
    }

    @Test
    void shouldStayQuietForAKeyUsedWithinTheDormancyPeriodOrNeverSeen() {
        Observation call = TestObservations.of(CloudTrailEvent.byUser(CAROL).at(NOW));
        KeyUsage recent = KeyUsage.first(call.accessKeyId(), CAROL, NOW.minus(Duration.ofDays(89)), "203.0.113.0/24",
                "aws-cli", 32);

        assertThat(detector.evaluate(recent, call)).isEmpty();
        assertThat(detector.evaluate((KeyUsage) null, call)).isEmpty();
    }

    @Test
    void shouldUseTheConfiguredDormancy() {
        DormantCredentialReactivatedDetector shortDormancy =
                detector(Map.of("detector.dormant-credential-reactivated.dormancy", "30d"));
        Observation call = TestObservations.of(CloudTrailEvent.byRoleSession(ROLE, "batch").at(NOW));

        assertThat(shortDormancy.evaluate(profile(ROLE, PrincipalType.ROLE, NOW.minus(Duration.ofDays(31))), call))
                .isPresent();
    }

    private static PrincipalProfile profile(String principal, PrincipalType type, Instant lastSeen) {
        Instant firstSeen = lastSeen.minus(Duration.ofDays(300));
        return new PrincipalProfile(principal, type, "111122223333", firstSeen, lastSeen, 42);
    }

    private static DormantCredentialReactivatedDetector detector(Map<String, String> settings) {
        return new DormantCredentialReactivatedDetector(
                new DetectorSettings(DormantCredentialReactivatedDetector.INFO.id(), Settings.of(settings)));
    }
}
