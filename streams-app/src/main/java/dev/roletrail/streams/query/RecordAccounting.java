package dev.roletrail.streams.query;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where the records of {@code roletrail.cloudtrail} went: into a principal's events, or excluded for a counted
 * reason (duplicates, records the streams app could not parse). {@code records} equals the records the app has
 * read, less the calls still held for their session's lineage.
 *
 * @param principalEvents the sum of every principal's event count
 * @param excluded        records that reached no principal, by reason
 */
public record RecordAccounting(long records, long principalEvents, Map<String, Long> excluded) {

    public RecordAccounting {
        excluded = Map.copyOf(excluded);
        long sum = principalEvents + excluded.values().stream().mapToLong(Long::longValue).sum();
        if (records != sum) {
            throw new IllegalArgumentException("records " + records + " != principal events and exclusions " + sum);
        }
    }

    public static RecordAccounting of(long principalEvents, Map<String, Long> excluded) {
        return new RecordAccounting(principalEvents + excluded.values().stream().mapToLong(Long::longValue).sum(),
                principalEvents, excluded);
    }

    public static RecordAccounting none() {
        return of(0, Map.of());
    }

    /** Both instances' records together. */
    public RecordAccounting merge(RecordAccounting other) {
        Map<String, Long> reasons = new TreeMap<>(excluded);
        other.excluded.forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
        return of(principalEvents + other.principalEvents, reasons);
    }
}
