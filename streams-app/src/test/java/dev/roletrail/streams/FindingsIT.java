package dev.roletrail.streams;

import static dev.roletrail.streams.unused.InventoryFixtures.role;
import static dev.roletrail.streams.unused.InventoryFixtures.trusting;
import static dev.roletrail.streams.unused.InventoryFixtures.user;
import static dev.roletrail.streams.unused.InventoryFixtures.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.TestKafka;

/**
 * Findings on a real broker with exactly_once_v2: the inventory and CloudTrail on their topics (two partitions), the
 * findings on the compacted topic, from signals of both partitions meeting in the one findings task.
 */
@ExtendWith(KafkaBrokerExtension.class)
class FindingsIT {

    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");
    private static final String ALICE = userArn("alice");
    private static final String BOB = userArn("bob");
    private static final String LEGACY = "arn:aws:iam::111122223333:role/Legacy";
    private static final String APP = "arn:aws:iam::111122223333:role/App";

    @Test
    void shouldWriteFindingsOfTheInventoryJoinedWithObservedUse(TestKafka kafka, @TempDir Path stateDir)
            throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 2);
        try (KafkaProducer<String, InventoryEntity> inventory = new KafkaProducer<>(kafka.producerConfig(),
                topics.inventory().keySerde().serializer(), topics.inventory().valueSerde().serializer())) {
            for (InventoryEntity entity : List.of(user("alice", LONG_AGO, List.of(), List.of()),
                    user("bob", LONG_AGO, List.of(), List.of()), role("Legacy", LONG_AGO, trusting(ALICE), null, null),
                    role("App", LONG_AGO, trusting(BOB), null, null))) {
                inventory.send(new ProducerRecord<>(topics.inventory().name(), entity.key(), entity)).get();
            }
        }
        try (KafkaProducer<String, byte[]> cloudtrail = new KafkaProducer<>(kafka.producerConfig(),
                topics.cloudtrail().keySerde().serializer(), topics.cloudtrail().valueSerde().serializer())) {
            for (int day = 0; day <= 3; day++) {
                Instant at = DAY_0.plus(Duration.ofDays(day));
                send(cloudtrail, topics, ALICE, CloudTrailEvent.byUser(ALICE).call("s3.amazonaws.com", "ListBuckets")
                        .at(at));
                send(cloudtrail, topics, BOB, CloudTrailEvent.byUser(BOB).assumeRole(APP).at(at));
            }
        }
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "topic.prefix", topics.prefix(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "streams.application.id", kafka.uniqueName("findings"),
                "streams.state.dir", stateDir.toString(),
                "kafka.commit.interval.ms", "100",
                "findings.tracking-period", "7d"));

        try (StreamsApp app = new StreamsApp(StreamsAppConfig.from(Settings.of(values)))) {
            app.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);

            // The latest state per finding id, as the compacted topic keeps it, once the app has gone quiet.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(latest(kafka, topics))
                    .as("unused roles and inactive users, latest state")
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(FindingKind.UNUSED_ROLE, LEGACY, FindingStatus.OPEN)));
        }
    }

    /** Open findings of the role and user kinds, the latest record per id. */
    private static List<org.assertj.core.groups.Tuple> latest(TestKafka kafka, Topics topics) {
        Map<String, Finding> byId = new java.util.LinkedHashMap<>();
        kafka.consumeAll(topics.findings().name(), topics.findings().keySerde().deserializer(),
                topics.findings().valueSerde().deserializer(), Duration.ofSeconds(3))
                .forEach(record -> byId.put(record.key(), record.value()));
        return byId.values().stream()
                .filter(f -> f.kind() == FindingKind.UNUSED_ROLE || f.kind() == FindingKind.INACTIVE_USER)
                .filter(f -> f.status() == FindingStatus.OPEN)
                .map(f -> org.assertj.core.groups.Tuple.tuple(f.kind(), f.entity(), f.status())).toList();
    }

    private static void send(KafkaProducer<String, byte[]> producer, Topics topics, String principal,
            CloudTrailEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topics.cloudtrail().name(), principal, event.bytes())).get();
    }
}
