package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.testkit.CloudTrailSamples;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.TestKafka;

/**
 * The end of input as the launcher of a one-off analysis uses it, on a real broker with exactly_once_v2: the held
 * calls are counted through interactive queries, and the signal lets them go well before the wall-clock minimum.
 */
@ExtendWith(KafkaBrokerExtension.class)
class EndOfInputIT {

    @Test
    void shouldReleaseTheLastHeldCallsAtTheEndOfInput(TestKafka kafka, @TempDir Path stateDir) throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 2);
        try (KafkaProducer<String, byte[]> cloudtrail = new KafkaProducer<>(kafka.producerConfig(),
                topics.cloudtrail().keySerde().serializer(), topics.cloudtrail().valueSerde().serializer())) {
            for (JsonNode record : stratusDetonationByTime()) {
                String json = record.toString();
                cloudtrail.send(new ProducerRecord<>(topics.cloudtrail().name(), TestObservations.of(json).principal()
                        .id(), json.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        Map<String, String> values = new HashMap<>(Map.of(
                "topic.prefix", topics.prefix(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "streams.application.id", kafka.uniqueName("end-of-input"),
                "streams.state.dir", stateDir.toString(),
                "kafka.commit.interval.ms", "100",
                "streams.lineage-hold-wall", "10m",
                "streams.lineage-idle-release", "0s"));

        try (StreamsApp app = new StreamsApp(StreamsAppConfig.from(Settings.of(values)))) {
            app.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
            await().atMost(Duration.ofSeconds(60)).ignoreException(InvalidStateStoreException.class)
                    .until(() -> app.heldEvents() == 2);

            app.endOfInput();

            await().atMost(Duration.ofSeconds(30)).alias("released without waiting out the 10 minutes of wall clock")
                    .ignoreException(InvalidStateStoreException.class).until(() -> app.heldEvents() == 0);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alerts(kafka, topics))
                    .filteredOn(alert -> alert.detector().equals("session-credential-network-change"))
                    .singleElement()
                    .satisfies(alert -> assertThat(alert.accessKeyId()).isEqualTo("ASIAP5CT9NN8EYVU1FXV")));
        }
    }

    private static List<Alert> alerts(TestKafka kafka, Topics topics) {
        return kafka.consumeAtLeast(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                topics.alerts().valueSerde().deserializer(), 1, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).toList();
    }

    private static List<JsonNode> stratusDetonationByTime() throws Exception {
        JsonNode records = Json.mapper().readTree(
                CloudTrailSamples.stratus("aws.credential-access.ec2-steal-instance-credentials.json"));
        List<JsonNode> byTime = new ArrayList<>();
        records.forEach(byTime::add);
        byTime.sort(Comparator.comparing(r -> r.get("eventTime").asText()));
        return byTime;
    }
}
