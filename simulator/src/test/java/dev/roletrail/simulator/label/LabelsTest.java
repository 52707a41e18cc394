package dev.roletrail.simulator.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.TestDatasets;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.streams.detect.DetectorInfo;

class LabelsTest {

    private static SimulationSpec spec;
    private static LabelsFile labels;
    private static String traffic;
    private static String inventory;

    @BeforeAll
    static void simulate() throws Exception {
        spec = SimulationSpec.small(11);
        TestDatasets.Dataset dataset = TestDatasets.simulate(spec);
        labels = LabelsFile.fromJson(dataset.sink().objects.get(Simulator.LABELS));
        traffic = dataset.traffic();
        inventory = dataset.inventory();
    }

    @Test
    void shouldLabelAScenarioForEveryDetectorOfTheCatalogue() {
        List<String> labelled = labels.labels().stream().flatMap(l -> l.detectors().stream()).toList();

        assertThat(labelled).containsAll(DetectorCatalog.ALL.stream().map(DetectorInfo::id).toList());
    }

    @Test
    void shouldKeepTheTimesOfEveryAlertScenariosEventsThroughLabelsJson() {
        List<Label> alerting = labels.labels().stream().filter(l -> !l.detectors().isEmpty()).toList();

        assertThat(alerting).isNotEmpty().allSatisfy(label -> assertThat(label.eventTimes()).as(label.scenario())
                .isNotEmpty().isSorted().allSatisfy(t -> assertThat(t).isBetween(spec.start(), spec.end())));
        assertThat(labels.labels().stream().filter(l -> l.detectors().isEmpty()))
                .as("standing conditions inject no events").allSatisfy(l -> assertThat(l.eventTimes()).isEmpty());
    }

    @Test
    void shouldLabelAScenarioForEveryFindingKind() {
        List<FindingKind> labelled = labels.labels().stream().flatMap(l -> l.findingKinds().stream()).toList();

        assertThat(labelled).containsAll(Arrays.asList(FindingKind.values()));
    }

    @Test
    void shouldOnlyLabelDetectorsThatExist() {
        List<String> known = DetectorCatalog.ALL.stream().map(DetectorInfo::id).toList();

        assertThat(labels.labels()).flatExtracting(Label::detectors).allMatch(known::contains);
    }

    @Test
    void shouldNameOnlyEntitiesThatAppearInTheTrafficOrTheInventory() {
        assertThat(labels.labels()).allSatisfy(label -> assertThat(label.entities()).as(label.scenario())
                .allSatisfy(entity -> assertThat(traffic.contains(bare(entity)) || inventory.contains(bare(entity)))
                        .as(entity).isTrue()));
    }

    @Test
    void shouldPlaceAttacksAfterTheLearningPeriodAndInsideTheTraffic() {
        List<Label> attacks = labels.labels().stream().filter(l -> !l.detectors().isEmpty()).toList();

        assertThat(attacks).isNotEmpty().allSatisfy(label -> {
            assertThat(label.from()).as(label.scenario()).isAfterOrEqualTo(spec.start().plus(Duration.ofDays(14)));
            assertThat(label.to()).as(label.scenario()).isBefore(spec.end());
        });
    }

    @Test
    void shouldGiveEveryScenarioItsOwnId() {
        assertThat(labels.labels().stream().collect(Collectors.groupingBy(Label::scenario, Collectors.counting())))
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
    }

    @Test
    void shouldCountTheEventsOfTheAttacksApartFromTheBenignOnes() {
        assertThat(labels.attackEvents()).isPositive();
        assertThat(labels.benignEvents()).isGreaterThan(10 * labels.attackEvents());
    }

    @Test
    void shouldReadBackWhatItWrote() {
        assertThat(LabelsFile.fromJson(labels.toJson())).isEqualTo(labels);
    }

    /** A principal id as it appears in records: prefixes RoleTrail adds ("account:", "web-identity:p/") dropped. */
    private static String bare(String entity) {
        if (entity.startsWith("account:")) {
            return entity.substring("account:".length());
        }
        if (entity.startsWith("web-identity:")) {
            return entity.substring(entity.indexOf('/') + 1);
        }
        return entity;
    }
}
