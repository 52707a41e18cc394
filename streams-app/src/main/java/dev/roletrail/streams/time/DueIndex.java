package dev.roletrail.streams.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When the entries of another store fall due, kept in buckets of time ({@code <name>|<bucket start, epoch millis, 13
 * digits>} → the {@link DueBucket} of keys due in it), so a punctuation reads only what is due instead of scanning and
 * deserialising the whole store. Scanning every entry each minute of stream time cost half the app's CPU in a
 * backfill, where stream time races ahead.
 * <p>
 * One row per bucket, not one per key: a row per key cost a put when the key was added and a tombstone when it was
 * taken, each a changelog record (1.3 changelog records per input record on the simulator's traffic, the most of any
 * store). A bucket is written back once a commit however many keys it gained, and dropped whole once taken. Taking
 * looks the buckets up one by one rather than by a range, which would first write back every dirty row of the store.
 * <p>
 * The index is a hint, not the truth: entries may be deleted or pushed later without touching it, so a caller
 * checks each due key against its store and {@linkplain #add re-adds} it when it is not due after all. That keeps
 * per-event work to one index write when an entry is created.
 */
public final class DueIndex {

    /** How much due time one row covers: a stream-time punctuation's usual step. */
    public static final Duration BUCKET = Duration.ofMinutes(1);
    private static final char SEPARATOR = '|';
    private static final long LATEST = 9_999_999_999_999L;
    /** Past this many buckets since the last take (stream time jumped), one range finds the rows instead. */
    private static final long MAX_LOOKUPS = 1_000;

    private final KeyValueStore<String, DueBucket> store;
    private final String name;
    private final long bucketMillis;
    /**
     * The start of the earliest bucket that may hold keys (epoch millis). Memory only: after a start it is unknown,
     * and the first take finds it with one range.
     */
    private long floor;
    private boolean located;

    /**
     * @param store a store of {@link DueBucketSerde} values that may hold several indexes
     * @param name  this index's name within the store
     */
    public DueIndex(KeyValueStore<String, DueBucket> store, String name) {
        this(store, name, BUCKET);
    }

    DueIndex(KeyValueStore<String, DueBucket> store, String name, Duration bucket) {
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
        long millis = due.toEpochMilli();
        long start = bucketOf(millis);
        String row = rowKey(start);
        DueBucket bucket = store.get(row);
        if (bucket == null) {
            bucket = new DueBucket();
        }
        bucket.add(key, millis);
        store.put(row, bucket);
        floor = Math.min(floor, start);
    }

    /** Removes and returns the keys due at or before {@code now}, earliest first. */
    public List<String> takeDue(Instant now) {
        long nowMillis = now.toEpochMilli();
        long last = bucketOf(nowMillis);
        if (!located) {
            floor = earliestRowUpTo(last);
            located = true;
        }
        if (floor > last) {
            return List.of();
        }
        List<String> taken = new ArrayList<>();
        for (long start : rowsFromFloorTo(last)) {
            String row = rowKey(start);
            DueBucket bucket = store.get(row);
            if (bucket == null) {
                continue;
            }
            bucket.takeDue(nowMillis, taken);
            if (bucket.isEmpty()) {
                store.delete(row);
            } else {
                store.put(row, bucket);
            }
        }
        floor = last; // the current bucket may still hold keys due later
        return taken;
    }

    private List<Long> rowsFromFloorTo(long last) {
        List<Long> starts = new ArrayList<>();
        if ((last - floor) / bucketMillis <= MAX_LOOKUPS) {
            for (long start = floor; start <= last; start += bucketMillis) {
                starts.add(start);
            }
            return starts;
        }
        try (KeyValueIterator<String, DueBucket> rows = store.range(rowKey(floor), rowKey(last))) {
            rows.forEachRemaining(row -> starts.add(startOf(row.key)));
        }
        return starts;
    }

    /** The earliest row's bucket start, or {@code last} when no row is due by then. */
    private long earliestRowUpTo(long last) {
        try (KeyValueIterator<String, DueBucket> rows = store.range(rowKey(0), rowKey(last))) {
            return rows.hasNext() ? startOf(rows.next().key) : last;
        }
    }

    private long bucketOf(long millis) {
        long clamped = Math.max(0, Math.min(LATEST, millis));
        return clamped - clamped % bucketMillis;
    }

    private String rowKey(long start) {
        String digits = Long.toString(start);
        return name + SEPARATOR + "0".repeat(13 - digits.length()) + digits;
    }

    private long startOf(String rowKey) {
        return Long.parseLong(rowKey.substring(name.length() + 1));
    }
}
