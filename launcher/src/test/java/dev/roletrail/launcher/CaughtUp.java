package dev.roletrail.launcher;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

import dev.roletrail.schemas.Topics;
import dev.roletrail.testkit.StreamsLag;
import dev.roletrail.testkit.TestKafka;

/**
 * Whether a streams application has consumed everything it reads: no {@link StreamsLag} a few checks in a row.
 */
final class CaughtUp {

    /** Checks a second apart that must all find no lag: a record on its way through a repartition topic counts. */
    private static final int QUIET_CHECKS = 3;

    private CaughtUp() {
    }

    static void awaitNoLag(TestKafka kafka, String applicationId, Topics topics, Duration timeout) {
        AtomicInteger quietChecks = new AtomicInteger();
        AtomicReference<Map<TopicPartition, Long>> lastLag = new AtomicReference<>(Map.of());
        try {
            await("no lag in " + applicationId).atMost(timeout).pollInterval(Duration.ofSeconds(1)).until(() -> {
                lastLag.set(StreamsLag.of(kafka.admin(), kafka.bootstrapServers(), applicationId, topics));
                return (lastLag.get().isEmpty() ? quietChecks.incrementAndGet() : quietChecks.getAndSet(0))
                        >= QUIET_CHECKS;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(applicationId + " still lags behind after " + timeout + ": " + lastLag.get(), e);
        }
    }
}
