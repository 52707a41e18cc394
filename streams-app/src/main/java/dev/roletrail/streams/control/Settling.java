package dev.roletrail.streams.control;

import java.time.Duration;

import dev.roletrail.streams.StreamsApp;

/**
 * After the end of input: waits until the streams app's consumer group has no lag and every instance has settled
 * ({@link StreamsApp#settled()}), twice in a row. The findings step's last passes and the suppression step's
 * end-of-input summaries run on wall-clock punctuations after the records that started them were consumed and
 * committed, so a group without lag could still have findings and alerts to write: reading the topics then missed
 * the last evaluation's changes (a last use seconds too early, in one run of the scale-out test). One loop for every
 * caller: {@code analyze}, {@code evaluate}, the chaos run and the scale-out test, however they read the lag and ask
 * their instances.
 */
public final class Settling {

    private static final Duration CHECK = Duration.ofMillis(200);

    /** Waits until the consumer group has no lag. */
    @FunctionalInterface
    public interface NoLag {
        void await() throws Exception;
    }

    /** Whether every instance says it has settled. */
    @FunctionalInterface
    public interface Settled {
        boolean ask() throws Exception;
    }

    private Settling() {
    }

    /** @throws IllegalStateException when the instances have not settled within {@code timeout} */
    public static void await(NoLag noLag, Settled settled, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int settledInARow = 0; settledInARow < 2; ) {
            noLag.await();
            settledInARow = settled.ask() ? settledInARow + 1 : 0;
            if (settledInARow == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the streams app did not settle within " + timeout);
                }
                Thread.sleep(CHECK.toMillis());
            }
        }
    }
}
