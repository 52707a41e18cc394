package dev.roletrail.ingest;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.roletrail.schemas.deadletter.DeadLetterCategory;

/**
 * What one ingest pass did.
 *
 * @param objectsRead         sources read to the end in this pass
 * @param objectsSkipped      sources an earlier run had already completed
 * @param records             CloudTrail records produced
 * @param deadLettersByReason records or sources sent to the dead-letter topic, by {@link DeadLetterCategory}
 * @param timestampFallbacks  of the records produced, those without {@code eventTime} whose time came from
 *                            {@code @timestamp} (Logstash and Elastic exports)
 * @param skippedByReason     valid records passed over on purpose, by {@link SkipReason}
 */
public record IngestStats(long objectsRead, long objectsSkipped, long records,
        Map<DeadLetterCategory, Long> deadLettersByReason, long timestampFallbacks,
        Map<SkipReason, Long> skippedByReason) {

    public static final IngestStats NONE = new IngestStats(0, 0, 0, Map.of());

    public IngestStats {
        deadLettersByReason = Map.copyOf(deadLettersByReason);
        skippedByReason = Map.copyOf(skippedByReason);
        if (deadLettersByReason.values().stream().anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("dead-letter counts must be positive: " + deadLettersByReason);
        }
        if (skippedByReason.values().stream().anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("skipped counts must be positive: " + skippedByReason);
        }
        if (timestampFallbacks < 0 || timestampFallbacks > records) {
            throw new IllegalArgumentException("timestamp fallbacks must be between 0 and the records produced");
        }
    }

    /** A pass without fallbacks or skipped records. */
    public IngestStats(long objectsRead, long objectsSkipped, long records,
            Map<DeadLetterCategory, Long> deadLettersByReason) {
        this(objectsRead, objectsSkipped, records, deadLettersByReason, 0, Map.of());
    }

    /** A pass that only found objects already done. */
    public static IngestStats skipped(long objects) {
        return new IngestStats(0, objects, 0, Map.of());
    }

    /** Records or sources sent to the dead-letter topic. */
    public long deadLetters() {
        return deadLettersByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Valid records passed over on purpose. */
    public long recordsSkipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether objects were read but not one usable CloudTrail record came out of them. */
    public boolean nothingUsable() {
        return objectsRead > 0 && records == 0;
    }

    /** Dead letters by reason, most frequent first (ties in category order). */
    public List<Map.Entry<DeadLetterCategory, Long>> deadLettersByCount() {
        return deadLettersByReason.entrySet().stream()
                .sorted(Map.Entry.<DeadLetterCategory, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    public IngestStats plus(IngestStats other) {
        return new IngestStats(objectsRead + other.objectsRead, objectsSkipped + other.objectsSkipped,
                records + other.records, sum(deadLettersByReason, other.deadLettersByReason),
                timestampFallbacks + other.timestampFallbacks, sum(skippedByReason, other.skippedByReason));
    }

    private static <K> Map<K, Long> sum(Map<K, Long> a, Map<K, Long> b) {
        Map<K, Long> sum = new HashMap<>(a);
        b.forEach((key, n) -> sum.merge(key, n, Long::sum));
        return sum;
    }
}
