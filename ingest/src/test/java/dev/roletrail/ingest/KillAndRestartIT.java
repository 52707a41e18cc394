package dev.roletrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Topics;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailFiles;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.PipelineSettings;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestKafka;
import dev.roletrail.testkit.TestS3;

/**
 * Exactly once across crashes: an ingester in a child JVM is killed with SIGKILL at several points of a multi-object
 * run (mid-transaction, between objects, inside an object) and restarted each time; in the end the topic holds every
 * source record exactly once, as a read_committed consumer sees it.
 */
@ExtendWith({KafkaBrokerExtension.class, S3ServerExtension.class})
class KillAndRestartIT {

    private static final int OBJECTS = 24;
    private static final int RECORDS_PER_OBJECT = 500;
    private static final int TOTAL = OBJECTS * RECORDS_PER_OBJECT;
    private static final Instant T = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void shouldHoldEveryRecordExactlyOnceAfterRepeatedKills(TestKafka kafka, TestS3 s3) throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 3);
        String bucket = s3.createBucket("kill");
        Set<String> expected = putObjects(s3, bucket);
        List<String> args = childArgs(kafka, s3, topics, bucket);

        long produced = 0;
        for (long killAfter : new long[] {1, 2_500, 3_000}) {
            long base = highWatermark(kafka, topics.cloudtrail().name());
            Process child = start(args, "kill-" + killAfter);
            await("the child to produce " + killAfter + " records").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> highWatermark(kafka, topics.cloudtrail().name()) - base >= killAfter || !child.isAlive());
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL before it finished").isEqualTo(137);
            long committed = committedCount(kafka, topics);
            assertThat(committed).as("progress so far").isGreaterThanOrEqualTo(produced).isLessThan(TOTAL);
            produced = committed;
        }
        Process last = start(args, "final");
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("the last run finishes").isTrue();
        assertThat(last.exitValue()).isZero();

        List<String> eventIds = kafka.consumeAll(topics.cloudtrail().name(), topics.cloudtrail().keySerde().deserializer(),
                        topics.cloudtrail().valueSerde().deserializer(), Duration.ofMillis(300)).stream()
                .map(KillAndRestartIT::eventId).toList();
        assertThat(eventIds).as("no record lost or repeated").hasSize(TOTAL);
        assertThat(new HashSet<>(eventIds)).isEqualTo(expected);
    }

    private static Set<String> putObjects(TestS3 s3, String bucket) {
        Set<String> ids = new HashSet<>();
        for (int o = 0; o < OBJECTS; o++) {
            Instant stamp = T.plus(Duration.ofMinutes(5L * o));
            List<String> records = new ArrayList<>();
            for (int r = 0; r < RECORDS_PER_OBJECT; r++) {
                CloudTrailEvent event = CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/u" + (r % 17))
                        .at(stamp.minusSeconds(r));
                ids.add(event.eventId());
                records.add(event.json());
            }
            String account = o % 2 == 0 ? "111122223333" : "444455556666";
            s3.putObject(bucket, CloudTrailFiles.logObjectKey("o-exampleorgid", account, "eu-west-1", stamp, "k" + o),
                    CloudTrailFiles.gzip(CloudTrailFiles.envelope(records)));
        }
        return ids;
    }

    private static List<String> childArgs(TestKafka kafka, TestS3 s3, Topics topics, String bucket) {
        Map<String, String> settings = PipelineSettings.of(kafka, s3, topics, bucket);
        // Many small transactions, so that kills land between and inside them.
        settings.put("ingest.transaction-records", "150");
        settings.put("ingest.transaction-interval", "100ms");
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add(name + "=" + value));
        return args;
    }

    private static Process start(List<String> settings, String name) throws Exception {
        Path log = Path.of("target", "kill-and-restart-" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), IngestChildMain.class.getName()));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "roletrail-local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "roletrail-local-secret");
        builder.environment().put("AWS_REGION", "us-east-1");
        return builder.start();
    }

    /** Records in the topic's log, committed, aborted or still open (read_uncommitted end offsets). */
    private static long highWatermark(TestKafka kafka, String topic) throws InterruptedException, ExecutionException {
        var partitions = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return kafka.admin().listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }

    private static long committedCount(TestKafka kafka, Topics topics) {
        return kafka.consumeAll(topics.cloudtrail().name(), topics.cloudtrail().keySerde().deserializer(),
                topics.cloudtrail().valueSerde().deserializer(), Duration.ofMillis(100)).size();
    }

    private static String eventId(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode json = Json.mapper().readTree(new String(record.value(), StandardCharsets.UTF_8));
            return json.get("eventID").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
