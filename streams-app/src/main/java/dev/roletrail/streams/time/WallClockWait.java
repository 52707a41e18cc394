package dev.roletrail.streams.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A least time of wall clock that keys wait on top of a wait in stream time. A task's stream time moves with the
 * records of every upstream task: in a backfill it runs hours ahead in the second it takes a record to come back
 * through a topic from another task, so a wait in stream time alone is over before what it waits for can arrive. The
 * lineage step holds a call for its session so; the network-sharing step keeps a network for a call held so.
 * <p>
 * Per key: since when it waits (set again at each activity), and whether its stream-time wait is over so that only
 * the wall clock is left, off the processor's stream-time index, since a backfill runs many stream-time checks per
 * wall-clock second. Memory only: after a start a key waits the whole minimum again, counted from the start, which
 * can only help what it waits for arrive; which keys wait for the wall clock alone is found once by the processor's
 * scan of its store ({@link #recoverOnce}). A minimum of zero waits for nothing.
 */
public final class WallClockWait {

    private final long minimumMillis;
    /** Wall-clock millis since which each key waits, since this processor started. */
    private final Map<String, Long> since = new HashMap<>();
    /** Keys whose stream-time wait is over, waiting for the wall clock only. */
    private final Set<String> waiting = new LinkedHashSet<>();
    private long startedWall;
    private boolean recovered;

    public WallClockWait(Duration minimum) {
        this.minimumMillis = minimum.toMillis();
    }

    /** The processor started at {@code wall}: keys it has not seen since wait from then. */
    public void start(long wall) {
        this.startedWall = wall;
    }

    public boolean enabled() {
        return minimumMillis > 0;
    }

    /** The key's wait begins (again) at {@code wall}: it was held, or active. */
    public void began(String key, long wall) {
        if (enabled()) {
            since.put(key, wall);
        }
    }

    /** Whether the key has waited the minimum by {@code wall}. */
    public boolean over(String key, long wall) {
        return wall - since.getOrDefault(key, startedWall) >= minimumMillis;
    }

    /** The key's stream-time wait is over: it waits for the wall clock alone. */
    public void awaitWall(String key) {
        waiting.add(key);
    }

    /** The key no longer waits for the wall clock alone (active again); whether it did. */
    public boolean stopAwaitingWall(String key) {
        return waiting.remove(key);
    }

    /** The key waits for nothing any more (what it waited for came, or it is gone). */
    public void forget(String key) {
        waiting.remove(key);
        since.remove(key);
    }

    /** The keys that waited for the wall clock alone and whose minimum is over by {@code wall}, forgotten. */
    public List<String> takeOver(long wall) {
        List<String> over = new ArrayList<>();
        for (String key : waiting) {
            if (over(key, wall)) {
                over.add(key);
            }
        }
        over.forEach(this::forget);
        return over;
    }

    /** Nothing waits for the wall clock any more (everything was let go), nor needs recovering. */
    public void clearAwaitingWall() {
        recovered = true;
        waiting.clear();
    }

    /**
     * True once per start, when the minimum is not zero: the processor then scans its store and calls
     * {@link #awaitWall} for each key whose stream-time wait is over, since which keys waited for the wall clock alone
     * is not stored.
     */
    public boolean recoverOnce() {
        if (recovered) {
            return false;
        }
        recovered = true;
        return enabled();
    }
}
