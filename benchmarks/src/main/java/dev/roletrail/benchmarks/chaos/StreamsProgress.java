package dev.roletrail.benchmarks.chaos;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

import dev.roletrail.schemas.Topics;
import dev.roletrail.testkit.StreamsLag;

/**
 * How far the streams app of a run got, as its consumer group shows it.
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
}
