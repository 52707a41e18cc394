package dev.roletrail.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.ingest.s3.CloudTrailObjectKey;
import dev.roletrail.schemas.Json;

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
        assertThat(first.objects.keySet()).contains(Simulator.LABELS)
                .anyMatch(k -> k.endsWith("/authorization-details.json"))
                .anyMatch(k -> k.endsWith("/credential-report.csv"));
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
