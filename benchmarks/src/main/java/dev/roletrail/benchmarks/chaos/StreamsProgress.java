package dev.roletrail.benchmarks.chaos;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import dev.roletrail.schemas.Topics;
import dev.roletrail.testkit.StreamsLag;

/**
 * How far the streams app of a run got, as its consumer group and its output topics show it.
 *
 * @param kafka         client settings (bootstrap servers)
 * @param applicationId the app's id, its consumer group
 * @param topics        the run's topics
 */
record StreamsProgress(Properties kafka, String applicationId, Topics topics) {

    /** Checks a second apart that must all find no lag: a record on its way through a repartition topic counts. */
    private static final int QUIET_CHECKS = 3;
    private static final Duration CHECK = Duration.ofSeconds(1);

    /** Waits until {@link StreamsLag} finds nothing a few checks in a row; runs {@code check} before each. */
    void awaitNoLag(Duration timeout, Runnable check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> lag = Map.of();
        try (Admin admin = Admin.create(kafka)) {
            for (int quiet = 0; quiet < QUIET_CHECKS; quiet = lag.isEmpty() ? quiet + 1 : 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(applicationId + " still lags after " + timeout + ": " + lag);
                }
                Thread.sleep(CHECK.toMillis());
                check.run();
                lag = StreamsLag.of(admin, kafka.getProperty("bootstrap.servers"), applicationId, topics);
            }
        }
    }

    /** Waits until the committed ends of the alerts, findings and dead-letter topics stay put for {@code quiet}. */
    void awaitQuiet(Duration quiet, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, Long> last = outputEnds(admin);
            long stillSince = System.nanoTime();
            while (System.nanoTime() - stillSince < quiet.toNanos()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(applicationId + "'s output did not go quiet within " + timeout);
                }
                Thread.sleep(CHECK.toMillis());
                Map<TopicPartition, Long> now = outputEnds(admin);
                if (!now.equals(last)) {
                    last = now;
                    stillSince = System.nanoTime();
                }
            }
        }
    }

    private Map<TopicPartition, Long> outputEnds(Admin admin) throws ExecutionException, InterruptedException {
        return ends(admin, List.of(topics.alerts().name(), topics.findings().name(), topics.deadletter().name()),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<String> names, ListOffsetsOptions options)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get().values().forEach(topic -> topic.partitions().forEach(p ->
                partitions.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(partitions, options).all().get().forEach((partition, end) -> ends.put(partition,
                end.offset()));
        return ends;
    }
}
