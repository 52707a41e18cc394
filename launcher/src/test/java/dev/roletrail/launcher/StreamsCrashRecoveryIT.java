package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.alert.SuppressionState;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.identity.SessionCodec;
import dev.roletrail.streams.keys.KeyUsageCodec;
import dev.roletrail.streams.profile.AccessEdgeCodec;
import dev.roletrail.streams.profile.PrincipalProfileCodec;
import dev.roletrail.streams.rate.AssumptionRate;
import dev.roletrail.streams.state.StateSerde;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.SyntheticTraffic;
import dev.roletrail.testkit.SyntheticTraffic.KeyedRecord;
import dev.roletrail.testkit.TestKafka;

/**
 * exactly_once_v2 on a real broker: a streams app in a child JVM is killed with SIGKILL at several points of a run
 * and restarted each time; its alerts and the final contents of every state store (read from the changelogs with
 * read_committed) equal those of an uninterrupted run over the same input.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StreamsCrashRecoveryIT {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamsCrashRecoveryIT.class);
    private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(180);
    /** The value serdes of the stores compared, as the app's topology builds them (compact forms, or CBOR). */
    private static final Map<String, Deserializer<?>> STORE_VALUES = Map.of(
            "principal-profiles", PrincipalProfileCodec.serde().deserializer(),
            "access-edges", AccessEdgeCodec.serde().deserializer(),
            "key-usage", KeyUsageCodec.serde().deserializer(),
            "assumption-rates", StateSerde.of(AssumptionRate.class).deserializer(),
            "sessions", SessionCodec.serde().deserializer(),
            "alert-suppression", StateSerde.of(SuppressionState.class).deserializer());

    @Test
    void shouldEndWhereAnUninterruptedRunEndsDespiteKills(TestKafka kafka, @TempDir Path dir) throws Exception {
        List<KeyedRecord> records = SyntheticTraffic.generate(11, 40, 20);
        Topics reference = RoleTrailTopics.create(kafka, 3);
        Topics crashed = RoleTrailTopics.create(kafka, 3);
        produce(kafka, reference, records);
        int chunk = records.size() / 4;
        long t0 = System.nanoTime();

        // The reference keeps running until the end: alerts pass through a repartition topic after the profiles.
        Map<String, String> referenceSettings = settings(kafka, reference, dir.resolve("reference"));
        try (StreamsApp app = new StreamsApp(StreamsAppConfig.from(Settings.of(referenceSettings)))) {
            app.start();
            Path config = StreamsChild.writeConfig(settings(kafka, crashed, dir.resolve("crashed")),
                    dir.resolve("crashed.properties"));
            // Input arrives in four parts; right after each of the first three, once the running instance has
            // committed some of it, the instance is killed: in the middle of its work.
            StreamsChild child = StreamsChild.roleTrailStreams(config, dir.resolve("child-0.log"));
            for (int kill = 1; kill <= 3; kill++) {
                long before = processed(kafka, crashed);
                produce(kafka, crashed, records.subList((kill - 1) * chunk, kill * chunk));
                awaitProcessed(kafka, crashed, (int) before + 1, records.size());
                child.kill();
                LOG.info("kill {} after {} ms, {} of {} events counted", kill, (System.nanoTime() - t0) / 1_000_000,
                        processed(kafka, crashed), kill * chunk);
                child = StreamsChild.roleTrailStreams(config, dir.resolve("child-" + kill + ".log"));
            }
            produce(kafka, crashed, records.subList(3 * chunk, records.size()));
            try (StreamsChild last = child) {
                awaitProcessed(kafka, reference, records.size(), records.size());
                awaitProcessed(kafka, crashed, records.size(), records.size());
                await().atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(summaries(alerts(kafka, crashed))).as("alerts after three kills")
                                .isNotEmpty().isEqualTo(summaries(alerts(kafka, reference))));
                assertThat(alerts(kafka, crashed)).isEqualTo(alerts(kafka, reference));
                LOG.info("alerts equal after {} ms", (System.nanoTime() - t0) / 1_000_000);
                assertSameStores(kafka, reference, crashed, lastEventTime(records));
            }
        }
    }

    /** One readable line per alert, so a difference shows what differs. */
    private static Map<String, String> summaries(Map<String, Alert> alerts) {
        Map<String, String> lines = new TreeMap<>();
        alerts.forEach((id, a) -> lines.put(id, a.detector() + " | " + a.entity() + " | x" + a.count() + " | origin "
                + a.origin() + " | " + a.firstEventTime() + ".." + a.lastEventTime()));
        return lines;
    }

    private static void assertSameStores(TestKafka kafka, Topics reference, Topics crashed, Instant end) {
        // Stores that only processing changes. (seen-event-ids is a window store: the broker drops its changelog by
        // event-time retention, so its topic never equals the store; the alerts above show no duplicate got through.)
        for (String store : List.of("principal-profiles", "access-edges", "key-usage", "assumption-rates")) {
            assertThat(changelog(kafka, crashed, store)).as("store %s", store)
                    .isEqualTo(changelog(kafka, reference, store));
        }
        // Punctuation purges expired sessions and closes suppression windows; after a restart it runs at other
        // stream times, so only what no punctuation could have removed yet is compared.
        Instant sessionHorizon = end.minus(Duration.ofHours(1));
        assertThat(unexpired(changelog(kafka, crashed, "sessions"), "expiresAt", sessionHorizon))
                .isEqualTo(unexpired(changelog(kafka, reference, "sessions"), "expiresAt", sessionHorizon));
        assertThat(unexpired(changelog(kafka, crashed, "alert-suppression"), "windowEnd", end))
                .isEqualTo(unexpired(changelog(kafka, reference, "alert-suppression"), "windowEnd", end));
    }

    private static Map<String, String> settings(TestKafka kafka, Topics topics, Path stateDir) {
        return StreamsChild.settings(kafka, topics, topics.prefix() + "-app", stateDir);
    }

    private static void produce(TestKafka kafka, Topics topics, List<KeyedRecord> records) {
        Map<String, Object> config = kafka.producerConfig();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (KeyedRecord record : records) {
                producer.send(new ProducerRecord<>(topics.cloudtrail().name(), record.principal(), record.json()));
            }
        }
    }

    /** Events counted so far in the principal profiles (committed), 0 before the changelog exists. */
    private static long processed(TestKafka kafka, Topics topics) throws Exception {
        String changelog = topics.prefix() + "-app-principal-profiles-changelog";
        if (!kafka.admin().listTopics().names().get().contains(changelog)) {
            return 0;
        }
        return changelog(kafka, topics, "principal-profiles").values().stream()
                .mapToLong(json -> read(json).path("events").asLong()).sum();
    }

    /** Waits until the principal profiles count at least {@code count} events (of {@code total}). */
    private static void awaitProcessed(TestKafka kafka, Topics topics, int count, int total) {
        String changelog = topics.prefix() + "-app-principal-profiles-changelog";
        await().atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!kafka.admin().listTopics().names().get().contains(changelog)) {
                return false;
            }
            Map<String, String> profiles;
            try {
                profiles = changelog(kafka, topics, "principal-profiles");
            } catch (AssertionError openTransaction) {
                return false; // a killed instance's transaction is still open: wait for it to be aborted
            }
            long events = profiles.values().stream()
                    .mapToLong(json -> read(json).path("events").asLong()).sum();
            assertThat(events).as("events counted, of %d", total).isLessThanOrEqualTo(total);
            return events >= count;
        });
    }

    /** Alerts as id → alert, latest per id (a closed suppression window re-sends an alert with its count). */
    private static Map<String, Alert> alerts(TestKafka kafka, Topics topics) {
        Map<String, Alert> alerts = new TreeMap<>();
        for (ConsumerRecord<String, Alert> record : kafka.consumeAll(topics.alerts().name(),
                topics.alerts().keySerde().deserializer(), topics.alerts().valueSerde().deserializer(),
                Duration.ofMillis(500))) {
            alerts.put(record.key(), record.value());
        }
        return alerts;
    }

    /** A store's contents: the latest committed value per key of its changelog, decoded as the app does, as JSON. */
    private static Map<String, String> changelog(TestKafka kafka, Topics topics, String store) {
        String topic = topics.prefix() + "-app-" + store + "-changelog";
        Deserializer<?> values = STORE_VALUES.get(store);
        Map<String, String> latest = new TreeMap<>();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(kafka.consumeAll(topic,
                new ByteArrayDeserializer(), new ByteArrayDeserializer(), Duration.ofMillis(200)));
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String key = java.util.HexFormat.of().formatHex(record.key());
            if (record.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, asJson(values.deserialize(topic, record.value())));
            }
        }
        return latest;
    }

    private static Instant lastEventTime(List<KeyedRecord> records) {
        return records.stream().map(r -> Instant.parse(read(r.json()).get("eventTime").asText()))
                .max(Instant::compareTo).orElseThrow();
    }

    /** The entries whose {@code field} (an instant) lies after {@code after}. */
    private static Map<String, String> unexpired(Map<String, String> store, String field, Instant after) {
        Map<String, String> kept = new TreeMap<>();
        store.forEach((key, json) -> {
            JsonNode time = read(json).get(field);
            Instant at = time.isNumber() ? Instant.ofEpochMilli(time.asLong()) : Instant.parse(time.asText());
            if (at.isAfter(after)) {
                kept.put(key, json);
            }
        });
        return kept;
    }

    private static String asJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
