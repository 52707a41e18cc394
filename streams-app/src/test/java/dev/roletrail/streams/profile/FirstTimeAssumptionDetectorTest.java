package dev.roletrail.streams.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.cloudtrail.Principals;
import dev.roletrail.streams.detect.SensitiveRoles;
import dev.roletrail.streams.identity.Lineage;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.RoleAssumption;
import dev.roletrail.streams.identity.TrustPolicy;
import dev.roletrail.testkit.CloudTrailEvent;

class FirstTimeAssumptionDetectorTest {

    private static final String BOB = "arn:aws:iam::111122223333:user/bob";
    private static final String ROLE = "arn:aws:iam::111122223333:role/ReadOnly";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private final FirstTimeAssumptionDetector detector = new FirstTimeAssumptionDetector(Duration.ofDays(14));

    @Test
    void shouldFireForANewEdgeOfAnEstablishedPrincipal() {
        var alert = detector.evaluate(profileSince(NOW.minus(Duration.ofDays(30))), null, null, assumption(), observation());

        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.detector()).isEqualTo(FirstTimeAssumptionDetector.INFO.id());
            assertThat(a.baseline()).contains("30 days");
        });
    }

    @Test
    void shouldStayQuietForAKnownEdge() {
        RoleAssumption assumption = assumption();
        AccessEdge known = AccessEdge.first(assumption);

        assertThat(detector.evaluate(profileSince(NOW.minus(Duration.ofDays(30))), known, null, assumption, observation())).isEmpty();
    }

    @Test
    void shouldStayQuietForAPrincipalNeverSeenBefore() {
        assertThat(detector.evaluate(null, null, null, assumption(), observation())).isEmpty();
    }

    @Test
    void shouldFireForAPrincipalNeverSeenBeforeWhenLearningIsOff() {
        assertThat(new FirstTimeAssumptionDetector(Duration.ZERO).evaluate(null, null, null, assumption(), observation())).isPresent();
    }

    @Test
    void shouldRaiseSeverityWhenTheTrustPolicySnapshotDoesNotNameTheAssumer() {
        TrustPolicy onlyAlice = trust("{\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"},\"Action\":\"sts:AssumeRole\"}]}");

        var alert = detector.evaluate(profileSince(NOW.minus(Duration.ofDays(30))), null, onlyAlice, assumption(),
                observation());

        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.baseline()).contains("trust policy in the inventory snapshot does not name it");
        });
    }

    @Test
    void shouldKeepTheUsualSeverityWhenTheTrustPolicyNamesTheAssumerOrItsAccount() {
        for (String principal : new String[] {BOB, "arn:aws:iam::111122223333:root", "111122223333", "*"}) {
            TrustPolicy allowing = trust("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                    + principal + "\"},\"Action\":\"sts:AssumeRole\"}]}");

            var alert = detector.evaluate(profileSince(NOW.minus(Duration.ofDays(30))), null, allowing, assumption(),
                    observation());

            assertThat(alert).as(principal).hasValueSatisfying(a -> {
                assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(a.baseline()).doesNotContain("trust policy");
            });
        }
    }

    @Test
    void shouldLetEnoughPeersExplainAnOrdinaryRoleOnlyWhenPeerLearningIsOn() {
        FirstTimeAssumptionDetector learning = peerLearning(3);
        var candidate = candidate();

        assertThat(learning.peersMayExplain(null, assumption())).isTrue();
        assertThat(learning.judgeByPeers(candidate, true, 3)).as("three peers").isEmpty();
        assertThat(learning.judgeByPeers(candidate, true, 2)).hasValueSatisfying(alert -> assertThat(alert.baseline())
                .isEqualTo(candidate.baseline() + "; 2 other principals of its account and kind assumed it in the last"
                        + " 30 days, fewer than the 3 that make it expected"));
        assertThat(learning.judgeByPeers(candidate, false, 100)).as("peers may not explain it").contains(candidate);
        assertThat(detector.peersMayExplain(null, assumption())).as("the plain constructor learns no peers").isFalse();
        assertThat(detector.judgeByPeers(candidate, true, 100)).contains(candidate);
        assertThat(peerLearning(0).judgeByPeers(candidate, true, 100)).as("peers 0 turns it off").contains(candidate);
    }

    @Test
    void shouldNeverLetPeersExplainASensitiveRoleOrOneOutsideTheTrustPolicySnapshot() {
        FirstTimeAssumptionDetector learning = peerLearning(3);
        RoleAssumption breakGlass = new RoleAssumption(assumption().assumer(),
                "arn:aws:iam::111122223333:role/BreakGlassAccess", "AssumeRole", "ASIAEXAMPLE", NOW, false,
                assumption().event());
        TrustPolicy onlyAlice = trust("{\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"},\"Action\":\"sts:AssumeRole\"}]}");

        assertThat(learning.peersMayExplain(null, breakGlass)).isFalse();
        assertThat(learning.peersMayExplain(onlyAlice, assumption())).isFalse();
    }

    @Test
    void shouldReportAKnownEdgeAgainOnceInEachQuarterOfThePeerWindow() {
        FirstTimeAssumptionDetector learning = peerLearning(3);
        Instant stretchStart = Instant.ofEpochMilli(Duration.ofDays(30).toMillis() / 4 * 1000);

        assertThat(learning.reportAgain(stretchStart, stretchStart.plus(Duration.ofDays(7)))).isFalse();
        assertThat(learning.reportAgain(stretchStart.minusMillis(1), stretchStart)).isTrue();
        assertThat(learning.reportAgain(stretchStart, stretchStart.minus(Duration.ofDays(10))))
                .as("an older crossing, late").isFalse();
    }

    private Alert candidate() {
        return detector.evaluate(profileSince(NOW.minus(Duration.ofDays(30))), null, null, assumption(), observation())
                .orElseThrow();
    }

    private static FirstTimeAssumptionDetector peerLearning(int peers) {
        return new FirstTimeAssumptionDetector(Duration.ofDays(14), peers, Duration.ofDays(30),
                SensitiveRoles.defaults());
    }

    @Test
    void shouldStayQuietForAKnownEdgeEvenOutsideTheTrustPolicySnapshot() {
        RoleAssumption assumption = assumption();

        assertThat(detector.evaluate(profileSince(NOW.minus(Duration.ofDays(30))), AccessEdge.first(assumption),
                trust("{\"Statement\":[]}"), assumption, observation())).isEmpty();
    }

    private static TrustPolicy trust(String json) {
        return TrustPolicy.parse(json).orElseThrow();
    }

    private static PrincipalProfile profileSince(Instant firstSeen) {
        return new PrincipalProfile(BOB, PrincipalType.IAM_USER, "111122223333", firstSeen, NOW, 42);
    }

    private static final CloudTrailRecord EVENT = record(CloudTrailEvent.byUser(BOB).assumeRole(ROLE).at(NOW));

    private static RoleAssumption assumption() {
        return RoleAssumption.from(EVENT).orElseThrow();
    }

    private static Observation observation() {
        Principal principal = Principals.of(EVENT);
        return new Observation(EVENT, principal, Lineage.direct(principal, null));
    }

    private static CloudTrailRecord record(CloudTrailEvent event) {
        try {
            return Json.mapper().readValue(event.json(), CloudTrailRecord.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
