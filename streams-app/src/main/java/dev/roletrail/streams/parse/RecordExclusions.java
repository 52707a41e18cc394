package dev.roletrail.streams.parse;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts, per reason, the records of {@code roletrail.cloudtrail} that reach no principal (store
 * {@value StoreNames#RECORD_EXCLUSIONS}, key: reason, value: count), so every record is accounted for: the
 * principals' event counts plus these equal the records read. Exclusions are rare (duplicates, records the streams
 * app cannot parse), so counting them costs nothing on the common path.
 */
public final class RecordExclusions {

    /** A record whose eventID was already seen within the duplicate grace period. */
    public static final String DUPLICATE = "duplicate";
    /** A record the streams app could not use; it went to the dead-letter topic. */
    public static final String DEAD_LETTER = "dead-letter";

    private final KeyValueStore<String, Long> counts;

    public RecordExclusions(KeyValueStore<String, Long> counts) {
        this.counts = counts;
    }

    public void count(String reason) {
        Long before = counts.get(reason);
        counts.put(reason, before == null ? 1 : before + 1);
    }
}
