package dev.roletrail.streams.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When the entries of another store fall due, kept in buckets of time, so a punctuation reads only what is due
 * instead of scanning and deserialising the whole store. Scanning every entry each minute of stream time cost half the
 * app's CPU in a backfill, where stream time races ahead.
 * <p>
 * Rows, not one key each: a bucket's keys sit in rows of at most {@value #ROW_KEYS} ({@code <name>|<bucket start,
 * epoch millis, 13 digits>|<row, 6 digits>} → {@link DueBucket}). A row per key cost a put when the key was added and
 * a tombstone when it was taken, each a changelog record (1.3 changelog records per input record on the simulator's
 * traffic, the most of any store); a row is written back once a commit however many keys it gained, and deleted once
 * its bucket's time is over. Rows are bounded so that a busy minute does not rewrite one huge value at every commit.
 * A bucket spans the caller's punctuation interval (or a few), so the punctuation reads its rows a few times before
 * they go.
 * <p>
 * Which buckets hold rows, and how many, is kept in memory ({@link #rowsPerBucket}), found with one range over the
 * index at the first use after a start: a punctuation then reads only the rows that exist. Looking up the current
 * bucket's first row at every tick, most often absent, was about 6 % of the stream threads' time on the simulator's
 * traffic (JFR), where a task's records are minutes apart and nearly every record starts a tick. Taking looks its rows
 * up one by one rather than by a range, which would first write back every dirty row of the store.
 * <p>
 * The index is a hint, not the truth: entries may be deleted or pushed later without touching it, so a caller
 * checks each due key against its store and {@linkplain #add re-adds} it when it is not due after all. That keeps
 * per-event work to one index write when an entry is created.
 */
public final class DueIndex {

    /** How often entity-retention indexes are checked, in stream time, and so their bucket. */
    public static final Duration RETENTION_CHECKS = Duration.ofHours(1);
    static final int ROW_KEYS = 256;
    private static final char SEPARATOR = '|';
    private static final long LATEST = 9_999_999_999_999L;

    private final KeyValueStore<String, DueBucket> store;
    private final String name;
    private final long bucketMillis;
    /**
     * How many rows each bucket that holds rows has (they run from 0 without a gap), by bucket start (epoch millis).
     * Memory only: after a start, unknown until {@link #locate} reads the index once. It grows with the span of due
     * times (buckets), not with keys.
     */
    private final TreeMap<Long, Integer> rowsPerBucket = new TreeMap<>();
    private boolean located;

    /**
     * @param store  a store of {@link DueBucketSerde} values that may hold several indexes
     * @param name   this index's name within the store
     * @param bucket how much due time one bucket spans: the interval of the punctuation that takes from it
     */
    public DueIndex(KeyValueStore<String, DueBucket> store, String name, Duration bucket) {
        this.store = Objects.requireNonNull(store, "store");
        this.name = Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("index name must be non-empty and without '|', was '" + name + "'");
        }
        this.bucketMillis = bucket.toMillis();
        if (bucketMillis < 1) {
            throw new IllegalArgumentException("bucket must be at least a millisecond, was " + bucket);
        }
    }

    /** Notes that {@code key} falls due at {@code due}. Adding the same key and time again changes nothing. */
    public void add(String key, Instant due) {
        locate();
        long millis = due.toEpochMilli();
        long start = bucketOf(millis);
        int rows = rowsPerBucket.getOrDefault(start, 0);
        int row = Math.max(0, rows - 1);
        DueBucket keys = rows == 0 ? null : store.get(rowKey(start, row));
        if (keys != null && keys.size() >= ROW_KEYS) {
            row++;
            keys = null;
        }
        if (keys == null) {
            keys = new DueBucket();
        }
        keys.add(key, millis);
        store.put(rowKey(start, row), keys);
        rowsPerBucket.put(start, row + 1);
    }

    /** Removes and returns the keys due at or before {@code now}, earliest first. */
    public List<String> takeDue(Instant now) {
        locate();
        long nowMillis = now.toEpochMilli();
        List<String> taken = new ArrayList<>();
        for (long start : List.copyOf(rowsPerBucket.headMap(bucketOf(nowMillis), true).keySet())) {
            takeFromBucket(start, nowMillis, taken);
        }
        return taken;
    }

    /**
     * Deletes the due entries whose time is up and indexes again those whose time moved later: the usual use of an
     * index whose entries expire.
     *
     * @param read      the entry of a key, or null when it is gone already
     * @param expiresAt when an entry's time is up, or null when it never is
     * @param delete    deletes the entry of a key
     */
    public <V> void expireDue(Instant now, Function<String, V> read, Function<V, Instant> expiresAt,
            Consumer<String> delete) {
        settleDue(now, read, expiresAt, (key, entry) -> delete.accept(key));
    }

    /**
     * Settles the due entries whose time is up (deletes or reduces them) and indexes again those whose time moved
     * later. An entry settled without being deleted is not indexed again: its owner indexes it when it changes.
     *
     * @param read   the entry of a key, or null when it is gone already
     * @param dueAt  when an entry's time is up, or null when it never is
     * @param settle what to do with an entry whose time is up
     */
    public <V> void settleDue(Instant now, Function<String, V> read, Function<V, Instant> dueAt,
            BiConsumer<String, V> settle) {
        for (String key : takeDue(now)) {
            V entry = read.apply(key);
            Instant due = entry == null ? null : dueAt.apply(entry);
            if (due == null) {
                continue;
            }
            if (due.isAfter(now)) {
                add(key, due);
            } else {
                settle.accept(key, entry);
            }
        }
    }

    /**
     * Takes what is due from the rows of one bucket, earliest first. A row that held nothing due is not written. Rows
     * go only with the whole bucket, once its time is over, so they always run from 0 without a gap; until then a row
     * may stand empty.
     */
    private void takeFromBucket(long start, long nowMillis, List<String> taken) {
        boolean over = nowMillis >= start + bucketMillis - 1;
        DueBucket due = new DueBucket();
        int rows = rowsPerBucket.get(start);
        for (int row = 0; row < rows; row++) {
            DueBucket keys = store.get(rowKey(start, row));
            if (keys == null) {
                continue; // counted but gone (a row is only deleted with its bucket): nothing to take
            }
            if (over) {
                keys.dues().forEach(due::add);
                store.delete(rowKey(start, row));
            } else if (keys.takeDue(nowMillis, due)) {
                store.put(rowKey(start, row), keys);
            }
        }
        due.takeDue(nowMillis, taken);
        if (over) {
            rowsPerBucket.remove(start);
        }
    }

    /** Once per start: which buckets hold rows, and how many, from one range over the index. */
    private void locate() {
        if (located) {
            return;
        }
        located = true;
        try (KeyValueIterator<String, DueBucket> rows = store.range(rowKey(0, 0), rowKey(LATEST, 999_999))) {
            rows.forEachRemaining(row -> rowsPerBucket.merge(startOf(row.key), rowOf(row.key) + 1, Math::max));
        }
    }

    private long bucketOf(long millis) {
        long clamped = Math.max(0, Math.min(LATEST, millis));
        return clamped - clamped % bucketMillis;
    }

    private String rowKey(long start, int row) {
        String digits = Long.toString(start);
        String rowDigits = Integer.toString(row);
        return name + SEPARATOR + "0".repeat(13 - digits.length()) + digits + SEPARATOR
                + "0".repeat(Math.max(0, 6 - rowDigits.length())) + rowDigits;
    }

    private long startOf(String rowKey) {
        int from = name.length() + 1;
        return Long.parseLong(rowKey.substring(from, from + 13));
    }

    private int rowOf(String rowKey) {
        return Integer.parseInt(rowKey.substring(name.length() + 1 + 13 + 1));
    }
}
