package dev.roletrail.local;

import java.time.Duration;
import java.util.Properties;

import dev.roletrail.streams.StreamsApp;

/**
 * After the end of input: waits until the streams app's consumer group has no lag and its findings step has settled
 * ({@link StreamsApp#findingsSettled()}), twice in a row. The findings step's last passes run on wall-clock
 * punctuations after the records that started them were consumed and committed, so a group without lag could still
 * have findings to write: reading the findings topic then missed the last evaluation's changes (a last use seconds
 * too early, in one run of the scale-out test).
 */
public final class FindingsSettled {

    private static final Duration CHECK = Duration.ofMillis(200);

    /** Waits until the consumer group has no lag. */
    @FunctionalInterface
    public interface NoLag {
        void await() throws Exception;
    }

    /** Whether every instance says its findings settled. */
    @FunctionalInterface
    public interface Settled {
        boolean ask() throws Exception;
    }

    private FindingsSettled() {
    }

    /** For an app in this JVM. */
    public static void await(Properties kafka, String applicationId, String inputTopic, StreamsApp app,
            Duration timeout) throws Exception {
        await(() -> InputConsumed.await(kafka, applicationId, inputTopic, timeout), app::findingsSettled, timeout);
    }

    /** However the lag is read and the instances asked (a child JVM answers through its standard output). */
    public static void await(NoLag noLag, Settled settled, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int settledInARow = 0; settledInARow < 2; ) {
            noLag.await();
            settledInARow = settled.ask() ? settledInARow + 1 : 0;
            if (settledInARow == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the findings step did not settle within " + timeout);
                }
                Thread.sleep(CHECK.toMillis());
            }
        }
    }
}
