package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.Json;
import dev.roletrail.streams.parse.RecordExclusions;
import dev.roletrail.streams.profile.PrincipalProfile;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.testkit.CloudTrailSamples;
import dev.roletrail.testkit.RealShapes;

/**
 * Every record of the real-shapes corpus is accounted for: the principals' event counts plus the counted exclusions
 * (duplicates, records the app cannot parse) equal the records on the CloudTrail topic, once every held call is out.
 */
class RecordAccountingTopologyTest {

    @Test
    void shouldAccountForEveryRecordOfTheRealCorpus() throws Exception {
        List<String> corpus = realRecords();
        // Stratus records, each resent right after itself, as CloudTrail's duplicates come: within the grace period
        // (a docs example might be a dead letter twice instead of a duplicate).
        List<String> duplicates = corpus.stream().filter(r -> r.contains("stratus-red-team")).limit(25).toList();
        try (TopologyFixture topology = new TopologyFixture(Map.of())) {
            for (String record : corpus) {
                topology.sendJson(record);
                if (duplicates.contains(record)) {
                    topology.sendJson(record);
                }
            }
            topology.send("junk", "{\"Records\": \"not a record\"}".getBytes(StandardCharsets.UTF_8));
            topology.send("junk", "not json at all".getBytes(StandardCharsets.UTF_8));
            long sent = corpus.size() + duplicates.size() + 2;
            topology.endOfInput();
            topology.driver().advanceWallClockTime(Duration.ofSeconds(1));

            long principalEvents = sum(topology.driver().<String, PrincipalProfile>getKeyValueStore(
                    StoreNames.PRINCIPAL_PROFILES), PrincipalProfile::events);
            Map<String, Long> excluded = exclusions(topology.driver().getKeyValueStore(StoreNames.RECORD_EXCLUSIONS));

            long deadLetters = topology.deadLetters().size();

            assertThat(duplicates).hasSize(25);
            assertThat(excluded).isEqualTo(Map.of(RecordExclusions.DUPLICATE, 25L,
                    RecordExclusions.DEAD_LETTER, deadLetters));
            assertThat(deadLetters).as("the junk, and at most a few documentation fragments").isBetween(2L, 10L);
            assertThat(principalEvents + excluded.values().stream().mapToLong(Long::longValue).sum())
                    .as("every record reached a principal or was counted out").isEqualTo(sent);
        }
    }

    /** The Stratus Red Team detonations, the AWS documentation's examples and the real shapes, by event time. */
    private static List<String> realRecords() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String file : RealShapes.fileNames()) {
            Json.mapper().readTree(RealShapes.read(file)).forEach(records::add);
        }
        for (String file : CloudTrailSamples.stratusFileNames()) {
            Json.mapper().readTree(CloudTrailSamples.stratus(file)).forEach(records::add);
        }
        for (String jsonl : List.of(CloudTrailSamples.AWS_DOCS_IAM, CloudTrailSamples.AWS_DOCS_CLOUDTRAIL)) {
            for (String line : CloudTrailSamples.awsDocsEvents(jsonl)) {
                records.add(Json.mapper().readTree(line));
            }
        }
        records.sort(Comparator.comparing(record -> record.path("eventTime").asText()));
        // The documentation reuses placeholder eventIDs; only distinct ones count as distinct records here.
        Map<String, String> distinct = new TreeMap<>();
        List<String> ordered = new ArrayList<>();
        for (JsonNode record : records) {
            if (distinct.putIfAbsent(record.path("eventID").asText(), "") == null) {
                ordered.add(record.toString());
            }
        }
        return ordered;
    }

    private static <V> long sum(KeyValueStore<String, V> store, java.util.function.ToLongFunction<V> count) {
        long total = 0;
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                total += count.applyAsLong(kv.value);
            }
        }
        return total;
    }

    private static Map<String, Long> exclusions(KeyValueStore<String, Long> store) {
        Map<String, Long> counts = new TreeMap<>();
        try (KeyValueIterator<String, Long> it = store.all()) {
            it.forEachRemaining(kv -> counts.put(kv.key, kv.value));
        }
        return counts;
    }
}
