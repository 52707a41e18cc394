package dev.roletrail.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.ingest.s3.CloudTrailObjectKey;
import dev.roletrail.schemas.Json;
import dev.roletrail.simulator.label.Label;

class SimulatorTest {

    private static MemorySink first;
    private static SimulationResult firstResult;

    @BeforeAll
    static void simulateOnce() throws Exception {
        first = new MemorySink();
        firstResult = Simulator.run(SimulationSpec.small(7), first);
    }

    @Test
    void shouldWriteByteIdenticalOutputForTheSameSeed() throws Exception {
        MemorySink again = new MemorySink();
        Simulator.run(SimulationSpec.small(7), again);

        assertThat(again.hashes()).isEqualTo(first.hashes());
    }

    @Test
    void shouldWriteDifferentOutputForAnotherSeed() throws Exception {
        MemorySink other = new MemorySink();
        Simulator.run(SimulationSpec.small(8), other);

        assertThat(other.hashes()).isNotEqualTo(first.hashes());
        assertThat(other.hashes().values()).as("no log object is the same").doesNotContainAnyElementsOf(
                first.hashes().entrySet().stream().filter(e -> e.getKey().endsWith(".gz")).map(Map.Entry::getValue)
                        .toList());
    }

    @Test
    void shouldLayOutLogObjectsSoThatIngestRecognisesThem() {
        List<String> logKeys = first.objects.keySet().stream().filter(k -> k.startsWith("AWSLogs/")).toList();

        assertThat(logKeys).isNotEmpty().allSatisfy(key -> assertThat(CloudTrailObjectKey.parse(key))
                .as(key).hasValueSatisfying(parsed -> assertThat(parsed.organizationId()).isNotNull()));
        assertThat(first.objects.keySet()).contains(Simulator.LABELS, dev.roletrail.simulator.truth.GroundTruth.FILE)
                .anyMatch(k -> k.endsWith("/authorization-details.json"))
                .anyMatch(k -> k.endsWith("/credential-report.csv"));
    }

    @Test
    void shouldWriteTheSameKindOfOutputWhenADayIsHandedOnInSmallBatches() throws Exception {
        MemorySink batched = new MemorySink();
        SimulationResult result = Simulator.run(SimulationSpec.small(7), batched, 50);

        List<String> logKeys = batched.objects.keySet().stream().filter(k -> k.startsWith("AWSLogs/")).toList();
        long records = 0;
        for (String key : logKeys) {
            List<String> times = Json.mapper().readTree(batched.text(key)).path("Records").findValuesAsText("eventTime");
            assertThat(times).as("records in time order within " + key).isSorted();
            records += times.size();
        }
        assertThat(records).isEqualTo(result.events());
        assertThat(result.labels().labels()).isEqualTo(firstResult.labels().labels());
        assertThat(result.labels().attackEvents()).isEqualTo(firstResult.labels().attackEvents());
        assertThat(result.events()).as("the same traffic, only delivered twice a little differently")
                .isCloseTo(firstResult.events(), withPercentage(2));
        assertThat(result.objects()).as("a batch makes objects of its own").isGreaterThan(firstResult.objects());
        assertThat(batched.objects.keySet()).containsAll(first.objects.keySet().stream()
                .filter(k -> !k.startsWith("AWSLogs/")).filter(k -> !k.equals(Simulator.LABELS)).toList());
    }

    @Test
    void shouldKeepTheEventsADayWhenTheUsersGrow() throws Exception {
        SimulationSpec thousands = new SimulationSpec(7, 3, 3_000, 21, 3_000, SimulationSpec.DEFAULT_START);
        SimulationResult some = Simulator.run(thousands, new MemorySink(), 5_000);
        SimulationResult more = Simulator.run(new SimulationSpec(7, 3, 12_000, 21, 3_000, SimulationSpec.DEFAULT_START),
                new MemorySink(), 5_000);

        assertThat(more.labels().benignEvents()).as("people share the events a day instead of each working daily")
                .isCloseTo(some.labels().benignEvents(), withPercentage(15))
                .isLessThan(2L * 21 * 3_000);
        assertThat(more.labels().labels()).extracting(Label::scenario)
                .containsExactlyElementsOf(some.labels().labels().stream()
                        .map(Label::scenario).toList());
    }

    @Test
    void shouldWriteManySmallEnvelopesHoldingEveryEvent() throws Exception {
        List<String> logKeys = first.objects.keySet().stream().filter(k -> k.startsWith("AWSLogs/")).toList();
        long records = 0;
        for (String key : logKeys) {
            JsonNode envelope = Json.mapper().readTree(first.text(key));
            assertThat(envelope.path("Records").isArray()).as(key).isTrue();
            records += envelope.path("Records").size();
        }
        long small = logKeys.stream().filter(k -> first.objects.get(k).length < 2_048).count();

        assertThat(records).isEqualTo(firstResult.events());
        assertThat(small).as("most objects are under 2 KB").isGreaterThan(logKeys.size() / 2);
        assertThat(firstResult.events()).as("a few thousand events").isBetween(2_000L, 20_000L);
    }
}
