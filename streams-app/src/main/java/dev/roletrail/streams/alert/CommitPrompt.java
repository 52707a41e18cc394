package dev.roletrail.streams.alert;

import java.time.Duration;

import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Asks Kafka Streams to commit soon after an alert leaves a task, instead of at the next commit interval. An alert
 * crosses two transactions (the detectors' task writes it to the suppression step's repartition topic, the
 * suppression step writes it to {@code roletrail.alerts}), and readers see it only once each has committed: with the
 * 1 s interval that long backfills want (every commit flushes every store), an alert waited about 2 s. Alerts are
 * rare, so the commits they ask for cost little; at most one is asked per {@code minGap} of wall-clock time, so that
 * a burst of alerts in a backfill does not turn into a commit per record. Kafka Streams commits all of a stream
 * thread's tasks together, at its next pass through its loop.
 */
final class CommitPrompt {

    static final Duration MIN_GAP = Duration.ofMillis(100);

    private final long minGapMs;
    private long lastAskedMs = Long.MIN_VALUE;

    CommitPrompt(Duration minGap) {
        this.minGapMs = minGap.toMillis();
    }

    /** An alert was forwarded: ask for a commit, unless one was asked for within the gap. */
    void alerted(ProcessorContext<?, ?> context) {
        long now = context.currentSystemTimeMs();
        if (lastAskedMs == Long.MIN_VALUE || now - lastAskedMs >= minGapMs) {
            context.commit();
            lastAskedMs = now;
        }
    }
}
