package dev.roletrail.streams.unused;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Usage signals that wait, in arrival order, in the store {@code findings-pending} (key: the queue's prefix and a
 * sequence number of 19 digits, value: the signal). Two queues share the store:
 * <ul>
 * <li>{@link #DURING_PASS} (no prefix): the signals and watermarks that reached a findings task while one of its passes
 * was in progress, taken back once the pass is over. A pass runs in chunks over wall-clock punctuations, and
 * whatever came in between its chunks would otherwise be seen by the entities evaluated after it and not by those
 * before, depending on how fast the pass went. Held here, every pass reads the use recorded when it began, as if it
 * had run at once.</li>
 * <li>{@link #AFTER_NEXT_DAY}: use dated at or after the next day boundary to evaluate, taken back once that day's
 * pass is over. Upstream tasks move at their own pace, so a fast one's use of a later day reaches the findings task
 * before the slowest one lets the day be evaluated; recorded at once, it would count in that day's evaluation or not
 * depending on which task ran ahead.</li>
 * </ul>
 * So what a pass sees depends on the records, not on how fast the pass went or which upstream task ran ahead.
 * <p>
 * The oldest and next sequence numbers are kept in memory and found again with one range at start. Written back once
 * a commit: a signal taken back within the commit it came in never reaches the changelog.
 */
final class PendingSignals {

    /** The queue of what came during a pass; its keys are the sequence numbers alone, as before there were two. */
    static final String DURING_PASS = "";
    /** The queue of use dated after the next day to evaluate. */
    static final String AFTER_NEXT_DAY = "after-next-day:";
    private static final int DIGITS = 19;

    private final KeyValueStore<String, UsageSignal> store;
    private final String prefix;
    private long first;
    private long next;

    PendingSignals(KeyValueStore<String, UsageSignal> store, String prefix) {
        this.store = store;
        this.prefix = prefix;
        try (KeyValueIterator<String, UsageSignal> all = store.range(key(0), key(Long.MAX_VALUE))) {
            if (all.hasNext()) {
                first = sequence(all.next().key);
                next = first + 1;
            }
            all.forEachRemaining(entry -> next = sequence(entry.key) + 1);
        }
    }

    boolean isEmpty() {
        return first == next;
    }

    /** How many signals wait. */
    long size() {
        return next - first;
    }

    void add(UsageSignal signal) {
        store.put(key(next), signal);
        next++;
    }

    /** The oldest signal, removed; null when there is none. */
    UsageSignal take() {
        if (isEmpty()) {
            return null;
        }
        String key = key(first);
        UsageSignal signal = store.get(key);
        store.delete(key);
        first++;
        return signal;
    }

    private String key(long sequence) {
        String digits = Long.toString(sequence);
        return prefix + "0".repeat(DIGITS - digits.length()) + digits;
    }

    private long sequence(String key) {
        return Long.parseLong(key.substring(prefix.length()));
    }
}
