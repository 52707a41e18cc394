package dev.roletrail.streams.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When the entries of another store fall due, kept as keys that sort by time ({@code <name>|<epoch millis, 13
 * digits>|<entry key>}), so a punctuation reads only what is due instead of scanning and deserialising the whole
 * store. Scanning every entry each minute of stream time cost half the app's CPU in a backfill, where stream time
 * races ahead.
 * <p>
 * The index is a hint, not the truth: entries may be deleted or pushed later without touching it, so a caller
 * checks each due key against its store and {@linkplain #add re-adds} it when it is not due after all. That keeps
 * per-event work to one index write when an entry is created.
 */
public final class DueIndex {

    private static final char SEPARATOR = '|';
    /** Sorts just after {@link #SEPARATOR}: the upper bound of every key due at one millisecond. */
    private static final char AFTER_SEPARATOR = '}';
    private static final long LATEST = 9_999_999_999_999L;

    private final KeyValueStore<String, String> store;
    private final String name;
    /**
     * Nothing is due before this (epoch millis): the last {@link #takeDue} took everything up to it. Ranges start
     * here because the store's cache keeps the keys just taken as deletions until the next commit, and a backfill
     * runs many punctuations per commit. Memory only: after a restart the first range starts at the beginning.
     */
    private long floor = 0;

    /**
     * @param store a string-keyed store that may hold several indexes
     * @param name  this index's name within the store
     */
    public DueIndex(KeyValueStore<String, String> store, String name) {
        this.store = Objects.requireNonNull(store, "store");
        this.name = Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("index name must be non-empty and without '|', was '" + name + "'");
        }
    }

    /** Notes that {@code key} falls due at {@code due}. Adding the same key and time again changes nothing. */
    public void add(String key, Instant due) {
        long millis = due.toEpochMilli();
        floor = Math.min(floor, millis);
        store.put(indexKey(millis, key), key);
    }

    /** Removes and returns the keys due at or before {@code now}, earliest first. */
    public List<String> takeDue(Instant now) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        long nowMillis = now.toEpochMilli();
        if (nowMillis < floor) {
            return List.of();
        }
        String upTo = prefix(nowMillis) + AFTER_SEPARATOR;
        try (KeyValueIterator<String, String> entries = store.range(prefix(floor), upTo)) {
            entries.forEachRemaining(due::add);
        }
        List<String> keys = new ArrayList<>(due.size());
        for (KeyValue<String, String> entry : due) {
            store.delete(entry.key);
            keys.add(entry.value);
        }
        floor = nowMillis + 1;
        return keys;
    }

    private String indexKey(long dueMillis, String key) {
        return prefix(dueMillis) + SEPARATOR + key;
    }

    private String prefix(long millis) {
        long clamped = Math.max(0, Math.min(LATEST, millis));
        String digits = Long.toString(clamped);
        return name + SEPARATOR + "0".repeat(13 - digits.length()) + digits;
    }
}
