package dev.roletrail.local.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.evaluate.ScoreRow;
import dev.roletrail.simulator.evaluate.Scorecard;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.streams.detect.DetectorInfo;

/**
 * The whole pipeline on a real broker and S3 server finds the labelled scenarios of a small organisation, and its
 * findings agree with the simulator's ground truth.
 */
class EvaluateIT {

    @Test
    void shouldFindEveryLabelledAlertScenarioAndReportTheFalseAlarmRate() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<String> detectors = DetectorCatalog.ALL.stream().map(DetectorInfo::id).toList();

        Scorecard card = new Evaluation(new PrintStream(progress, true, StandardCharsets.UTF_8), Duration.ofMinutes(5))
                .run(SimulationSpec.small(7), detectors, Map.of());

        assertThat(card.rows("detector")).extracting(ScoreRow::id).containsExactlyElementsOf(detectors);
        assertThat(card.rows("detector")).as(card.render()).allSatisfy(row -> {
            assertThat(row.scenarios()).as(row.id()).isPositive();
            assertThat(row.missed()).as(row.id()).isEmpty();
        });
        assertThat(card.benignEvents()).isGreaterThan(1_000);
        assertThat(card.rows("finding")).as("every finding kind is scored, found or not")
                .hasSize(FindingKind.values().length)
                .allSatisfy(row -> assertThat(row.scenarios()).isPositive());
        assertThat(card.truth()).as("every finding kind is scored against the ground truth")
                .hasSize(FindingKind.values().length);
        // Per-assumer policies of cross-account sessions may name the caller's account (docs/detection-quality.md).
        assertThat(card.truth()).as(card.render())
                .filteredOn(row -> !row.kind().equals(FindingKind.LEAST_PRIVILEGE_POLICY.id())).allSatisfy(row -> {
                    assertThat(row.precision()).as(row.kind() + " precision").isEqualTo(1.0);
                    assertThat(row.recall()).as(row.kind() + " recall").isEqualTo(1.0);
                });
        assertThat(card.policies().exact()).as("role policies of exactly the actions used").isPositive();
        assertThat(card.identities().expected()).as("the identities are scored, produced or not").isPositive();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("streams app consumed its input");
    }
}
