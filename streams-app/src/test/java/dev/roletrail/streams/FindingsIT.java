package dev.roletrail.streams;

import static dev.roletrail.streams.unused.InventoryFixtures.allow;
import static dev.roletrail.streams.unused.InventoryFixtures.credentials;
import static dev.roletrail.streams.unused.InventoryFixtures.key;
import static dev.roletrail.streams.unused.InventoryFixtures.role;
import static dev.roletrail.streams.unused.InventoryFixtures.trusting;
import static dev.roletrail.streams.unused.InventoryFixtures.user;
import static dev.roletrail.streams.unused.InventoryFixtures.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * Findings on a real broker with exactly_once_v2: the inventory and CloudTrail on their topics, the findings on the
 * compacted topic, from signals routed to the findings task owning their entity; every partition count finds the same.
 */
@ExtendWith(KafkaBrokerExtension.class)
class FindingsIT {

    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");
    private static final String ALICE = userArn("alice");
    private static final String BOB = userArn("bob");
    private static final String LEGACY = "arn:aws:iam::111122223333:role/Legacy";
    private static final String APP = "arn:aws:iam::111122223333:role/App";
    private static final String CAROL = userArn("carol");
    private static final String EXTERNAL = "arn:aws:iam::444455556666:role/Ext";

    @Test
    void shouldWriteFindingsOfTheInventoryJoinedWithObservedUse(TestKafka kafka, @TempDir Path stateDir)
            throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 2);
        sendInventory(kafka, topics, List.of(user("alice", LONG_AGO, List.of(), List.of()),
                user("bob", LONG_AGO, List.of(), List.of()), role("Legacy", LONG_AGO, trusting(ALICE), null, null),
                role("App", LONG_AGO, trusting(BOB), null, null)));
        List<Map.Entry<String, CloudTrailEvent>> events = new ArrayList<>();
        for (int day = 0; day <= 3; day++) {
            Instant at = DAY_0.plus(Duration.ofDays(day));
            events.add(Map.entry(ALICE, CloudTrailEvent.byUser(ALICE).call("s3.amazonaws.com", "ListBuckets").at(at)));
            events.add(Map.entry(BOB, CloudTrailEvent.byUser(BOB).assumeRole(APP).at(at)));
        }
        sendCloudTrail(kafka, topics, events);
        try (StreamsApp app = start(kafka, topics, stateDir, Map.of())) {
            // The latest state per finding id, as the compacted topic keeps it, once the app has gone quiet.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(latest(kafka, topics))
                    .as("unused roles and inactive users, latest state")
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(FindingKind.UNUSED_ROLE, LEGACY, FindingStatus.OPEN)));
        }
    }

    /**
     * Every finding kind that reads use, over one partition (one findings task, as before findings were partitioned)
     * and over four (each entity's use and evaluation in the task owning it): the same open findings. Nine days of
     * use with a 7-day period, so evaluations from day 8 on see the whole period observed. Then, as {@code analyze}
     * ends a run: the end of input releases the calls still held for their session (the other account's role has
     * none, and its last call's hold would end only with later traffic), and evaluates through the last day with
     * every use there is.
     */
    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 4})
    void shouldOpenTheSameFindingsWhateverThePartitionCount(int partitions, TestKafka kafka, @TempDir Path stateDir)
            throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, partitions);
        sendInventory(kafka, topics, List.of(user("alice", LONG_AGO, List.of(), List.of()),
                user("bob", LONG_AGO, List.of(), List.of()), user("carol", LONG_AGO, List.of(), List.of()),
                credentials("alice", LONG_AGO, null, key(1, true, LONG_AGO, null)),
                credentials("carol", LONG_AGO, null, key(1, true, LONG_AGO, null)),
                role("Legacy", LONG_AGO, trusting(ALICE), null, null),
                role("App", LONG_AGO, trusting(BOB), allow("s3:*"), null)));
        List<Map.Entry<String, CloudTrailEvent>> events = new ArrayList<>();
        for (int day = 0; day <= 8; day++) {
            Instant at = DAY_0.plus(Duration.ofDays(day));
            events.add(Map.entry(ALICE, CloudTrailEvent.byUser(ALICE).call("s3.amazonaws.com", "ListBuckets").at(at)));
            CloudTrailEvent assume = CloudTrailEvent.byUser(BOB).assumeRole(APP).at(at);
            events.add(Map.entry(BOB, assume));
            events.add(Map.entry(APP, CloudTrailEvent.byRoleSession(APP, "bob").withAccessKey(assume.issuedKeyId())
                    .call("s3.amazonaws.com", "CreateBucket").at(at.plusSeconds(60))));
            events.add(Map.entry(EXTERNAL, CloudTrailEvent.byRoleSession(EXTERNAL, "ext")
                    .call("ec2.amazonaws.com", "DescribeInstances").at(at.plusSeconds(120))));
        }
        sendCloudTrail(kafka, topics, events);

        try (StreamsApp app = start(kafka, topics, stateDir, Map.of("streams.lineage-hold-wall", "20s"))) {
            await().atMost(Duration.ofSeconds(90)).alias("day 8 evaluated").until(() -> open(kafka, topics)
                    .contains(tuple(FindingKind.UNUSED_PERMISSIONS, APP, null)));
            app.endOfInput();
            await().atMost(Duration.ofSeconds(90)).ignoreException(InvalidStateStoreException.class)
                    .until(() -> app.heldEvents() == 0);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(open(kafka, topics))
                    .containsExactlyInAnyOrder(
                            tuple(FindingKind.UNUSED_ROLE, LEGACY, null),
                            tuple(FindingKind.INACTIVE_USER, CAROL, null),
                            tuple(FindingKind.DORMANT_KEY, CAROL + "#access-key-1", null),
                            tuple(FindingKind.KEY_ROTATION_OVERDUE, CAROL + "#access-key-1", null),
                            tuple(FindingKind.KEY_ROTATION_OVERDUE, ALICE + "#access-key-1", null),
                            tuple(FindingKind.UNUSED_PERMISSIONS, APP, null),
                            tuple(FindingKind.LEAST_PRIVILEGE_POLICY, APP, null),
                            tuple(FindingKind.LEAST_PRIVILEGE_POLICY, APP, BOB),
                            tuple(FindingKind.LEAST_PRIVILEGE_POLICY, EXTERNAL, null)));
        }
    }

    private static StreamsApp start(TestKafka kafka, Topics topics, Path stateDir, Map<String, String> more) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "topic.prefix", topics.prefix(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "streams.application.id", kafka.uniqueName("findings"),
                "streams.state.dir", stateDir.toString(),
                "kafka.commit.interval.ms", "100",
                "findings.tracking-period", "7d"));
        values.putAll(more);
        StreamsApp app = new StreamsApp(StreamsAppConfig.from(Settings.of(values)));
        app.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
        return app;
    }

    private static void sendInventory(TestKafka kafka, Topics topics, List<InventoryEntity> entities)
            throws Exception {
        try (KafkaProducer<String, InventoryEntity> inventory = new KafkaProducer<>(kafka.producerConfig(),
                topics.inventory().keySerde().serializer(), topics.inventory().valueSerde().serializer())) {
            for (InventoryEntity entity : entities) {
                inventory.send(new ProducerRecord<>(topics.inventory().name(), entity.key(), entity)).get();
            }
        }
    }

    /** Every open finding as (kind, entity, subject), the latest record per id. */
    private static List<org.assertj.core.groups.Tuple> open(TestKafka kafka, Topics topics) {
        return latestById(kafka, topics).values().stream().filter(f -> f.status() == FindingStatus.OPEN)
                .map(f -> tuple(f.kind(), f.entity(), f.subject())).toList();
    }

    private static Map<String, Finding> latestById(TestKafka kafka, Topics topics) {
        Map<String, Finding> byId = new java.util.LinkedHashMap<>();
        kafka.consumeAll(topics.findings().name(), topics.findings().keySerde().deserializer(),
                topics.findings().valueSerde().deserializer(), Duration.ofSeconds(3))
                .forEach(record -> byId.put(record.key(), record.value()));
        return byId;
    }

    /** Open findings of the role and user kinds, the latest record per id. */
    private static List<org.assertj.core.groups.Tuple> latest(TestKafka kafka, Topics topics) {
        return latestById(kafka, topics).values().stream()
                .filter(f -> f.kind() == FindingKind.UNUSED_ROLE || f.kind() == FindingKind.INACTIVE_USER)
                .filter(f -> f.status() == FindingStatus.OPEN)
                .map(f -> org.assertj.core.groups.Tuple.tuple(f.kind(), f.entity(), f.status())).toList();
    }

    /** Each event under its key, the acting principal, as ingest keys it. */
    private static void sendCloudTrail(TestKafka kafka, Topics topics, List<Map.Entry<String, CloudTrailEvent>> events)
            throws Exception {
        try (KafkaProducer<String, byte[]> cloudtrail = new KafkaProducer<>(kafka.producerConfig(),
                topics.cloudtrail().keySerde().serializer(), topics.cloudtrail().valueSerde().serializer())) {
            for (Map.Entry<String, CloudTrailEvent> event : events) {
                cloudtrail.send(new ProducerRecord<>(topics.cloudtrail().name(), event.getKey(),
                        event.getValue().bytes())).get();
            }
        }
    }
}
