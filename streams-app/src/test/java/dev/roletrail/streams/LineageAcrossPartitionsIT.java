package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.StreamsLag;
import dev.roletrail.testkit.TestKafka;

/**
 * Session lineage across stream tasks, on a real broker with exactly_once_v2: a chain whose every hop is on another
 * partition of the input (alice → A → B → ReadOnly, each hop keyed by the principal that makes it), written latest
 * hop first, so that each chaining call arrives before the session it is signed with and is held for it. A held call
 * that issues a session sends it on only when it goes on itself, so the chain resolves hop by hop, through
 * {@code roletrail.sessions}, once its first hop comes. Every task's stream time is moved hours past the calls
 * before that: a held call waits for its session, not for other tasks' time, until the wall-clock minimum (ten
 * minutes here, longer than the test). This is what a lineage change that releases held calls early breaks: the
 * chain loses its origin and the {@code role-chain} alert is not raised.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LineageAcrossPartitionsIT {

    private static final int PARTITIONS = 4;
    private static final String ACCOUNT = "arn:aws:iam::111122223333:";
    private static final String ALICE = ACCOUNT + "user/alice";
    private static final String A = ACCOUNT + "role/A";
    private static final String B = ACCOUNT + "role/B";
    private static final String READ_ONLY = ACCOUNT + "role/ReadOnly";
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldFollowAChainWhoseHopsArriveBeforeTheirSessionsOnOtherPartitions(TestKafka kafka,
            @TempDir Path stateDir) throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, PARTITIONS);
        CloudTrailEvent toA = CloudTrailEvent.byUser(ALICE).assumeRole(A).at(T0);
        CloudTrailEvent toB = CloudTrailEvent.byRoleSession(A, "alice").withAccessKey(toA.issuedKeyId())
                .assumeRole(B).at(T0.plusSeconds(10));
        CloudTrailEvent toReadOnly = CloudTrailEvent.byRoleSession(B, "alice").withAccessKey(toB.issuedKeyId())
                .assumeRole(READ_ONLY).at(T0.plusSeconds(20));
        CloudTrailEvent readOnlyCall = CloudTrailEvent.byRoleSession(READ_ONLY, "alice")
                .withAccessKey(toReadOnly.issuedKeyId()).call("s3.amazonaws.com", "ListBuckets")
                .at(T0.plusSeconds(30));
        String applicationId = kafka.uniqueName("lineage-across-partitions");
        Map<String, String> values = new HashMap<>(Map.of(
                "topic.prefix", topics.prefix(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "streams.application.id", applicationId,
                "streams.state.dir", stateDir.toString(),
                "kafka.commit.interval.ms", "100",
                "streams.lineage-hold-wall", "10m",
                "streams.lineage-idle-release", "0s",
                "detector.role-chain.max-depth", "2"));

        try (StreamsApp app = new StreamsApp(StreamsAppConfig.from(Settings.of(values)));
                KafkaProducer<String, byte[]> input = new KafkaProducer<>(kafka.producerConfig(),
                        topics.cloudtrail().keySerde().serializer(), topics.cloudtrail().valueSerde().serializer())) {
            app.start();
            await().atMost(WAIT).until(() -> app.state() == KafkaStreams.State.RUNNING);
            Set<Integer> chainPartitions = new HashSet<>();

            chainPartitions.add(send(input, topics, B, toReadOnly));
            chainPartitions.add(send(input, topics, READ_ONLY, readOnlyCall));
            awaitHeld(app, 2);

            moveEveryPartitionOn(input, topics);
            await().atMost(WAIT).until(caughtUp(kafka, applicationId, topics));
            assertThat(app.heldEvents()).as("other tasks' time hours on does not release a call held for its session")
                    .isEqualTo(2);

            chainPartitions.add(send(input, topics, A, toB));
            awaitHeld(app, 3);
            chainPartitions.add(send(input, topics, ALICE, toA));
            assertThat(chainPartitions).as("each hop of the chain on a partition of its own").hasSize(PARTITIONS);

            await().atMost(WAIT).alias("every hop released by its session, well before the wall-clock minimum")
                    .ignoreException(InvalidStateStoreException.class).until(() -> app.heldEvents() == 0);
            await().atMost(WAIT).untilAsserted(() -> assertThat(alerts(kafka, topics))
                    .filteredOn(alert -> alert.detector().equals("role-chain"))
                    .singleElement()
                    .satisfies(alert -> {
                        assertThat(alert.origin()).isEqualTo(ALICE);
                        assertThat(alert.role()).isEqualTo(READ_ONLY);
                        assertThat(alert.unusual()).isEqualTo(
                                String.join(" -> ", ALICE, A, B, READ_ONLY) + " is 3 hops deep");
                    }));
        }
    }

    /** Sends one record keyed by its principal, as ingest does; returns the partition it went to. */
    private static int send(KafkaProducer<String, byte[]> input, Topics topics, String principal,
            CloudTrailEvent event) throws Exception {
        return input.send(new ProducerRecord<>(topics.cloudtrail().name(), principal, event.bytes())).get()
                .partition();
    }

    /** Calls of other users two hours later, until every partition has one. */
    private static void moveEveryPartitionOn(KafkaProducer<String, byte[]> input, Topics topics) throws Exception {
        Set<Integer> reached = new HashSet<>();
        for (int user = 0; reached.size() < PARTITIONS; user++) {
            assertThat(user).as("users tried to reach every partition").isLessThan(200);
            String arn = ACCOUNT + "user/later-" + user;
            reached.add(send(input, topics, arn, CloudTrailEvent.byUser(arn).at(T0.plus(Duration.ofHours(2)))));
        }
    }

    private static void awaitHeld(StreamsApp app, long held) {
        await().atMost(WAIT).alias(held + " calls held for their sessions")
                .ignoreException(InvalidStateStoreException.class).until(() -> app.heldEvents() == held);
    }

    private static Callable<Boolean> caughtUp(TestKafka kafka, String applicationId, Topics topics) {
        return () -> StreamsLag.of(kafka.admin(), kafka.bootstrapServers(), applicationId, topics).isEmpty();
    }

    private static List<Alert> alerts(TestKafka kafka, Topics topics) {
        return kafka.consumeAtLeast(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                topics.alerts().valueSerde().deserializer(), 1, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).toList();
    }
}
