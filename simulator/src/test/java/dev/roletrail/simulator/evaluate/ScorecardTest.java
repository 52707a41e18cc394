package dev.roletrail.simulator.evaluate;

import static dev.roletrail.simulator.evaluate.Evidence.KEY;
import static dev.roletrail.simulator.evaluate.Evidence.ROLE;
import static dev.roletrail.simulator.evaluate.Evidence.T;
import static dev.roletrail.simulator.evaluate.Evidence.USER;
import static dev.roletrail.simulator.evaluate.Evidence.alertAt;
import static dev.roletrail.simulator.evaluate.Evidence.finding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.label.LabelsFile;

class ScorecardTest {

    private static final List<String> DETECTORS = List.of("new-network-for-key", "root-activity", "role-chain");
    private static final LabelsFile LABELS = new LabelsFile(7, "o-abc", List.of("210001000003"), List.of(), 2_000_000,
            10, List.of(
                    Label.alerts("leak", "t", T, T.plusSeconds(60), List.of(KEY), "new-network-for-key"),
                    Label.alerts("root", "t", T, T, List.of("arn:aws:iam::210001000003:root"), "root-activity"),
                    Label.findings("unused", "t", T, T, List.of(ROLE), FindingKind.UNUSED_ROLE),
                    Label.findings("inactive", "t", T, T, List.of(USER), FindingKind.INACTIVE_USER)));

    @Test
    void shouldCountFoundMissedAndFalseAlarmsPerDetector() {
        Scorecard card = Scorecard.score(LABELS, DETECTORS, List.of(
                alertAt("new-network-for-key", KEY, T.plusSeconds(3)),
                alertAt("new-network-for-key", "AKIATRAVELTRAVELTRA1", T.minusSeconds(86_400)),
                alertAt("new-network-for-key", "AKIATRAVELTRAVELTRA2", T.minusSeconds(86_400)),
                alertAt("role-chain", "x => y", T)), List.of());

        assertThat(card.rows("detector")).extracting(ScoreRow::id, ScoreRow::scenarios, ScoreRow::found,
                ScoreRow::missed, ScoreRow::falseAlarms, ScoreRow::perMillion).containsExactly(
                        org.assertj.core.api.Assertions.tuple("new-network-for-key", 1, 1, List.of(), 2L, 1.0),
                        org.assertj.core.api.Assertions.tuple("root-activity", 1, 0, List.of("root"), 0L, 0.0),
                        org.assertj.core.api.Assertions.tuple("role-chain", 0, 0, List.of(), 1L, 0.5));
        assertThat(card.everyAlertScenarioFound()).isFalse();
    }

    @Test
    void shouldScoreFindingsByKindAndEntityAndCountUnlabelledOnesAsFalseAlarms() {
        Scorecard card = Scorecard.score(LABELS, DETECTORS, List.of(), List.of(
                finding(FindingKind.UNUSED_ROLE, ROLE, null, FindingStatus.OPEN),
                finding(FindingKind.UNUSED_ROLE, "arn:aws:iam::210001000003:role/Other", null, FindingStatus.OPEN),
                finding(FindingKind.INACTIVE_USER, USER, null, FindingStatus.RESOLVED)));

        ScoreRow unusedRole = card.rows("finding").stream().filter(r -> r.id().equals("unused-role")).findFirst()
                .orElseThrow();
        ScoreRow inactive = card.rows("finding").stream().filter(r -> r.id().equals("inactive-user")).findFirst()
                .orElseThrow();
        assertThat(unusedRole.found()).isEqualTo(1);
        assertThat(unusedRole.falseAlarms()).isEqualTo(1);
        assertThat(unusedRole.examples()).containsExactly("arn:aws:iam::210001000003:role/Other");
        assertThat(inactive.missed()).as("a resolved finding is not raised").containsExactly("inactive");
        assertThat(card.rows("finding")).hasSize(FindingKind.values().length);
    }

    @Test
    void shouldGiveEachFoundScenarioItsDelayFromTheEarliestMatchingAlertInTableAndJson() throws Exception {
        Scorecard card = Scorecard.score(LABELS, DETECTORS, List.of(
                alertAt("new-network-for-key", KEY, T.plusSeconds(45)),
                alertAt("new-network-for-key", KEY, T.plusSeconds(30)),
                alertAt("new-network-for-key", "AKIATRAVELTRAVELTRA1", T.plusSeconds(1))), List.of());

        ScoreRow row = card.rows("detector").get(0);
        assertThat(row.delays()).as("the unmatched alert at T+1 s does not count")
                .containsExactly(new AlertDelay("leak", 30, null));
        assertThat(card.rows("detector").get(1).delays()).as("root was missed").isEmpty();
        assertThat(card.render()).containsPattern("new-network-for-key .* 30s / 30s");
        assertThat(Json.mapper().readTree(card.toJson()).path("rows").get(0).path("delayMaxSeconds").asLong())
                .isEqualTo(30);
    }

    @Test
    void shouldReportEveryScenarioFoundOnlyWhenNoDetectorMissedOne() {
        Scorecard card = Scorecard.score(LABELS, DETECTORS, List.of(
                alertAt("new-network-for-key", KEY, T), alertAt("root-activity", "arn:aws:iam::210001000003:root", T)),
                List.of());

        assertThat(card.everyAlertScenarioFound()).isTrue();
    }

    @Test
    void shouldRenderATableAndJsonWithEveryRow() throws Exception {
        Scorecard card = Scorecard.score(LABELS, DETECTORS, List.of(), List.of());

        assertThat(card.render()).contains("new-network-for-key", "missed: leak", "unused-role",
                "2,000,000 benign events");
        assertThat(Json.mapper().readTree(card.toJson()).path("rows")).hasSize(DETECTORS.size()
                + FindingKind.values().length);
    }
}
