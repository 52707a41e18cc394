package dev.roletrail.local;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

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

    private FindingsSettled() {
    }

    public static void await(Properties kafka, String applicationId, String inputTopic, StreamsApp app,
            Duration timeout) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int settledInARow = 0; settledInARow < 2; ) {
            InputConsumed.await(kafka, applicationId, inputTopic, timeout);
            settledInARow = app.findingsSettled() ? settledInARow + 1 : 0;
            if (settledInARow == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the findings step did not settle within " + timeout);
                }
                Thread.sleep(CHECK.toMillis());
            }
        }
    }
}
