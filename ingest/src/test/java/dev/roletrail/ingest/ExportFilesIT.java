package dev.roletrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.ingest.read.RecordFields;
import dev.roletrail.ingest.source.FileSource;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.schemas.deadletter.DeadLetterCategory;
import dev.roletrail.schemas.cloudtrail.EventTimeHeader;
import dev.roletrail.schemas.cloudtrail.EventTimes;
import dev.roletrail.testkit.CloudTrailSamples;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.TestKafka;

/**
 * A directory of mixed export formats (the {@code exports/} test resources, built from real records) ingested into a
 * real broker: {@code roletrail.cloudtrail} holds every record unwrapped, with its eventID and an ISO eventTime;
 * Insights are counted as skipped, broken wrappers are dead letters, @timestamp fallbacks are counted.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ExportFilesIT {

    private static final List<String> FILES = List.of("lake-get-query-results.json", "lake-rows.jsonl",
            "splunk-export.jsonl", "event-envelope.jsonl", "elastic-hits.jsonl", "logstash-codec.jsonl",
            "export-times.jsonl", "insights.jsonl", "data-events.jsonl", "broken-wrappers.jsonl");
    private static final int RECORDS = 3 + 2 + 5 + 2 + 3 + 2 + 3 + 1;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void shouldProduceTheUnwrappedRecordsOfEveryExportFormat(TestKafka kafka, @TempDir Path dir) throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 2);
        for (String file : FILES) {
            try (InputStream in = getClass().getResourceAsStream("/exports/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }

        IngestStats stats = ingest(kafka, topics, dir);

        List<ConsumerRecord<String, byte[]>> records = kafka.consumeAtLeast(topics.cloudtrail().name(),
                topics.cloudtrail().keySerde().deserializer(), topics.cloudtrail().valueSerde().deserializer(),
                RECORDS, WAIT);
        List<DeadLetter> letters = kafka.consumeAtLeast(topics.deadletter().name(),
                topics.deadletter().keySerde().deserializer(), topics.deadletter().valueSerde().deserializer(), 3, WAIT)
                .stream().map(ConsumerRecord::value).toList();
        Map<String, JsonNode> originals = originals();
        assertThat(records).hasSize(RECORDS).allSatisfy(record -> {
            JsonNode value = Json.mapper().readTree(new String(record.value(), StandardCharsets.UTF_8));
            String eventId = value.path("eventID").asText();
            assertThat(originals.containsKey(eventId) || eventId.startsWith("data-")).as(eventId).isTrue();
            assertThat(RecordFields.WRAPPERS).as("unwrapped").noneMatch(value::has);
            assertThat(EventTimes.iso(value.path("eventTime").asText())).as("an ISO eventTime").isPresent();
            assertThat(EventTimeHeader.read(record.headers())).as("the event time in its header too")
                    .isEqualTo(EventTimes.parse(value.path("eventTime").asText()).orElseThrow().toEpochMilli());
            assertThat(record.key()).as("keyed by the caller").startsWith("arn:");
        });
        assertThat(letters).extracting(l -> DeadLetterCategory.of(l.reason())).hasSize(3)
                .containsOnly(DeadLetterCategory.BROKEN_EXPORT);
        assertThat(stats).isEqualTo(new IngestStats(FILES.size(), 0, RECORDS,
                Map.of(DeadLetterCategory.BROKEN_EXPORT, 3L), 2, Map.of(SkipReason.INSIGHT, 2L)));
    }

    private static IngestStats ingest(TestKafka kafka, Topics topics, Path dir) throws IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("topic.prefix", topics.prefix());
        settings.put("ingest.transactional.id", topics.prefix() + "-ingest");
        settings.put("ingest.files", dir.toString());
        IngestConfig config = IngestConfig.from(Settings.of(settings));
        try (Ingester ingester = new Ingester(config)) {
            return ingester.ingest(new FileSource(config.files()));
        }
    }

    private static Map<String, JsonNode> originals() throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        for (String file : CloudTrailSamples.stratusFileNames()) {
            Json.mapper().readTree(CloudTrailSamples.stratus(file))
                    .forEach(record -> byId.put(record.get("eventID").asText(), record));
        }
        return byId;
    }
}
