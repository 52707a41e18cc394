package dev.roletrail.streams.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;

/**
 * The events a held key waits with, one row each (store {@code held-event-rows}, key: {@code <key id> NUL <number>},
 * the number zero-padded so rows sort in arrival order). Appending writes one row, whatever the key already holds;
 * kept as one list per key, every append wrote the whole list again, and held events were half the local state.
 */
final class HeldRows {

    private static final char SEPARATOR = '\u0000';

    private final KeyValueStore<String, CloudTrailRecord> rows;

    HeldRows(KeyValueStore<String, CloudTrailRecord> rows) {
        this.rows = rows;
    }

    /** Holds {@code event} as the key's event number {@code number}. */
    void append(String keyId, int number, CloudTrailRecord event) {
        rows.put(rowKey(keyId, number), event);
    }

    /** Every event the key holds, in arrival order, and no longer holds them. */
    List<CloudTrailRecord> take(String keyId) {
        List<String> keys = new ArrayList<>();
        List<CloudTrailRecord> events = new ArrayList<>();
        // Key ids hold no NUL: [id NUL, id \u0001) holds exactly this key's rows.
        try (KeyValueIterator<String, CloudTrailRecord> range = rows.range(keyId + SEPARATOR, keyId + '\u0001')) {
            range.forEachRemaining(row -> {
                keys.add(row.key);
                events.add(row.value);
            });
        }
        keys.forEach(key -> rows.put(key, null)); // a delete would decode the value to return it
        return events;
    }

    private static String rowKey(String keyId, int number) {
        return keyId + SEPARATOR + String.format(Locale.ROOT, "%05d", number);
    }
}
