package dev.roletrail.streams.time;

import java.time.Duration;

/**
 * Periodic work in stream time, run by the records themselves: a processor asks, for each record, whether it moves
 * stream time into a new interval, and then does the work with that interval's start.
 * <p>
 * Not a stream-time punctuation: Kafka Streams runs those after a batch of records whose size adapts to how fast
 * processing goes, so where a punctuation's output (a held call released, a watermark, a closed window's summary) landed
 * among the records' own depended on timing, and a restart or a backlog moved it. Here the same records give the same
 * output in the same order, however they are batched. The work gets the interval's start, not the record's time, so
 * the first record after a restart, which finds its interval not yet ticked in memory, repeats at most a tick already
 * done before the restart: work that takes what is due by then finds nothing left.
 * <p>
 * Stream time here is the highest record timestamp this processor has seen since it started: a late record moves
 * nothing.
 */
public final class StreamTicks {

    private final long intervalMillis;
    private long lastTick = Long.MIN_VALUE;

    public StreamTicks(Duration interval) {
        this.intervalMillis = interval.toMillis();
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("tick interval must be at least a millisecond, was " + interval);
        }
    }

    /**
     * Notes a record's timestamp: whether it enters an interval later than the last tick (the first record since start
     * always does). Then {@link #tick()} is that interval's start.
     */
    public boolean advance(long timestamp) {
        long start = Math.floorDiv(timestamp, intervalMillis) * intervalMillis;
        if (start <= lastTick) {
            return false;
        }
        lastTick = start;
        return true;
    }

    /** The start of the interval of the last tick. */
    public long tick() {
        return lastTick;
    }
}
