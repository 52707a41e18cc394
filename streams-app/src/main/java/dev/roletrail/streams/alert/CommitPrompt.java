package dev.roletrail.streams.alert;

import java.time.Duration;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Asks Kafka Streams to commit soon after a live alert leaves a task, instead of at the next commit interval. An
 * alert crosses two transactions (the detectors' task writes it to the suppression step's repartition topic, the
 * suppression step writes it to {@code roletrail.alerts}), and readers see it only once each has committed: with the
 * 1 s interval that backfills want (every commit flushes every store), an alert waited about 2 s.
 * <p>
 * Only an alert about a recent event asks: its record's time (the event's) within {@value #LIVE_MINUTES} minutes of
 * the wall clock, which covers CloudTrail's delivery delay (about 5 minutes on average, AWS says) and late objects.
 * In a backfill nobody waits for an alert about last month, and the alerts are many: their commits would come about
 * as often as with a short commit interval, and a 200 ms interval cost a fifth more CPU per record in the simulator
 * benchmark. At most one is asked per {@value #MIN_GAP_MS} ms of wall-clock time; an alert the gap held back asks at
 * the next wall-clock check, every {@value #MIN_GAP_MS} ms. Without that check it waited for the commit interval
 * whenever the commit asked for just before it had already been made: in the latency benchmark that was the tail of
 * the suppression step (p99 1.25 s of the streams part's 1.7 s). Kafka Streams commits all of a stream thread's tasks
 * together, at its next pass through its loop.
 */
final class CommitPrompt {

    static final long MIN_GAP_MS = 100;
    static final long LIVE_MINUTES = 60;

    private static final long LIVE_MS = Duration.ofMinutes(LIVE_MINUTES).toMillis();

    private ProcessorContext<?, ?> context;
    private long lastAskedMs = Long.MIN_VALUE;
    private boolean heldBack;

    /** From the processor's {@code init}: schedules the wall-clock check that asks for what the gap held back. */
    void init(ProcessorContext<?, ?> context) {
        this.context = context;
        context.schedule(Duration.ofMillis(MIN_GAP_MS), PunctuationType.WALL_CLOCK_TIME, now -> {
            if (heldBack) {
                ask(now);
            }
        });
    }

    /**
     * An alert was forwarded: ask for a commit if it is live, now or, when one was asked for within the gap, at the
     * next wall-clock check.
     *
     * @param timestamp the alert record's timestamp: the time of the event it is about
     */
    void alerted(long timestamp) {
        long now = context.currentSystemTimeMs();
        if (now - timestamp > LIVE_MS) {
            return;
        }
        if (lastAskedMs == Long.MIN_VALUE || now - lastAskedMs >= MIN_GAP_MS) {
            ask(now);
        } else {
            heldBack = true;
        }
    }

    private void ask(long now) {
        context.commit();
        lastAskedMs = now;
        heldBack = false;
    }
}
