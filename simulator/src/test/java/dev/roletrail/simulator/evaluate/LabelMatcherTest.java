package dev.roletrail.simulator.evaluate;

import static dev.roletrail.simulator.evaluate.Evidence.KEY;
import static dev.roletrail.simulator.evaluate.Evidence.ROLE;
import static dev.roletrail.simulator.evaluate.Evidence.T;
import static dev.roletrail.simulator.evaluate.Evidence.USER;
import static dev.roletrail.simulator.evaluate.Evidence.alert;
import static dev.roletrail.simulator.evaluate.Evidence.alertAt;
import static dev.roletrail.simulator.evaluate.Evidence.finding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.simulator.label.Label;

class LabelMatcherTest {

    private static final Label ATTACK = Label.alerts("leak", "t", T, T.plusSeconds(60), List.of(USER, KEY),
            "new-network-for-key", "dormant-credential-reactivated");
    private static final Label STANDING = Label.findings("unused", "t", T.minusSeconds(864_000), T, List.of(ROLE),
            FindingKind.UNUSED_ROLE, FindingKind.UNUSED_TRUST_PATH);

    @Test
    void shouldMatchAnAlertOfAnExpectedDetectorOnALabelledEntityWithinTheTimeRange() {
        assertThat(LabelMatcher.matches(ATTACK, alert("new-network-for-key", KEY, USER, null, KEY, T.plusSeconds(5),
                T.plusSeconds(5)))).isTrue();
    }

    @Test
    void shouldNotMatchAnAlertOfAnotherDetector() {
        assertThat(LabelMatcher.matches(ATTACK, alert("root-activity", KEY, USER, null, KEY, T, T))).isFalse();
    }

    @Test
    void shouldNotMatchAnAlertOutsideTheTimeRange() {
        assertThat(LabelMatcher.matches(ATTACK, alert("new-network-for-key", KEY, USER, null, KEY,
                T.plusSeconds(61), T.plusSeconds(61)))).as("after").isFalse();
        assertThat(LabelMatcher.matches(ATTACK, alert("new-network-for-key", KEY, USER, null, KEY,
                T.minusSeconds(10), T.minusSeconds(1)))).as("before").isFalse();
    }

    @Test
    void shouldMatchAnAlertWhoseRepeatsReachIntoTheTimeRange() {
        assertThat(LabelMatcher.matches(ATTACK, alert("new-network-for-key", KEY, USER, null, KEY,
                T.minusSeconds(600), T.plusSeconds(30)))).isTrue();
    }

    @Test
    void shouldNotMatchAnAlertAboutAnotherEntity() {
        assertThat(LabelMatcher.matches(ATTACK, alertAt("new-network-for-key", "AKIAOTHEROTHEROTHER1", T))).isFalse();
    }

    @Test
    void shouldMatchOnTheRoleOrOnAnEntityTheAlertsEntityNames() {
        Label backdoor = Label.alerts("backdoor", "t", T, T, List.of(ROLE), "access-path-created");

        assertThat(LabelMatcher.matches(backdoor, alertAt("access-path-created",
                "trust of " + ROLE + " -> arn:aws:iam::766000000000:root", T))).as("named in the entity").isTrue();
        assertThat(LabelMatcher.matches(backdoor, alert("access-path-created", "x", USER, ROLE, null, T, T)))
                .as("the alert's role").isTrue();
    }

    @Test
    void shouldMatchAnOpenFindingOfAnExpectedKindOnALabelledEntityOrSubject() {
        assertThat(LabelMatcher.matches(STANDING, finding(FindingKind.UNUSED_ROLE, ROLE, null, FindingStatus.OPEN)))
                .as("entity").isTrue();
        Label trust = Label.findings("trust", "t", T, T, List.of("arn:aws:iam::905000000000:root"),
                FindingKind.UNUSED_TRUST_PATH);
        assertThat(LabelMatcher.matches(trust, finding(FindingKind.UNUSED_TRUST_PATH, ROLE,
                "arn:aws:iam::905000000000:root", FindingStatus.OPEN))).as("subject").isTrue();
    }

    @Test
    void shouldNotMatchAFindingOfAnotherKindOrEntityOrAResolvedOne() {
        assertThat(LabelMatcher.matches(STANDING, finding(FindingKind.DORMANT_KEY, ROLE, null, FindingStatus.OPEN)))
                .as("kind").isFalse();
        assertThat(LabelMatcher.matches(STANDING, finding(FindingKind.UNUSED_ROLE,
                "arn:aws:iam::210001000003:role/Other", null, FindingStatus.OPEN))).as("entity").isFalse();
        assertThat(LabelMatcher.matches(STANDING, finding(FindingKind.UNUSED_ROLE, ROLE, null,
                FindingStatus.RESOLVED))).as("resolved").isFalse();
    }

    @Test
    void shouldNeverMatchAFindingToAnAlertOnlyLabel() {
        assertThat(LabelMatcher.matches(ATTACK, finding(FindingKind.DORMANT_KEY, KEY, null, FindingStatus.OPEN)))
                .isFalse();
    }

    @Test
    void shouldMatchAKeyFindingNamedByItsOwnersSlotToALabelNamingTheOwner() {
        Label dormant = Label.findings("dormant", "t", T.minusSeconds(864_000), T, List.of(KEY, USER),
                FindingKind.DORMANT_KEY);

        assertThat(LabelMatcher.matches(dormant, finding(FindingKind.DORMANT_KEY, USER + "#access-key-1", null,
                FindingStatus.OPEN))).isTrue();
        assertThat(LabelMatcher.matches(dormant, finding(FindingKind.DORMANT_KEY, USER + "-other#access-key-1", null,
                FindingStatus.OPEN))).as("another user whose name starts the same").isFalse();
    }
}
