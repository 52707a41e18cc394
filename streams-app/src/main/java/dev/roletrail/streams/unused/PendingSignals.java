package dev.roletrail.streams.unused;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The usage signals and watermarks that reached a findings task while one of its passes was in progress, in arrival
 * order (store {@code findings-pending}, key: a sequence number of 19 digits, value: the signal), taken back once the
 * pass is over. A pass runs in chunks over wall-clock punctuations, and whatever came in between its chunks would
 * otherwise be seen by the entities evaluated after it and not by those before, depending on how fast the pass went.
 * Held here, every pass reads the use recorded when it began, as if it had run at once: the findings are a function
 * of the records alone, whatever the timing, the restarts or the size of the inventory.
 * <p>
 * The oldest and next sequence numbers are kept in memory and found again with one range at start. Written back once
 * a commit: a signal taken back within the commit it came in never reaches the changelog.
 */
final class PendingSignals {

    private static final int DIGITS = 19;

    private final KeyValueStore<String, UsageSignal> store;
    private long first;
    private long next;

    PendingSignals(KeyValueStore<String, UsageSignal> store) {
        this.store = store;
        try (KeyValueIterator<String, UsageSignal> all = store.all()) {
            if (all.hasNext()) {
                first = Long.parseLong(all.next().key);
                next = first + 1;
            }
            all.forEachRemaining(entry -> next = Long.parseLong(entry.key) + 1);
        }
    }

    boolean isEmpty() {
        return first == next;
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

    private static String key(long sequence) {
        String digits = Long.toString(sequence);
        return "0".repeat(DIGITS - digits.length()) + digits;
    }
}
