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
 */
public record IngestStats(long objectsRead, long objectsSkipped, long records,
        Map<DeadLetterCategory, Long> deadLettersByReason) {

    public static final IngestStats NONE = new IngestStats(0, 0, 0, Map.of());

    public IngestStats {
        deadLettersByReason = Map.copyOf(deadLettersByReason);
        if (deadLettersByReason.values().stream().anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("dead-letter counts must be positive: " + deadLettersByReason);
        }
    }

    /** A pass that only found objects already done. */
    public static IngestStats skipped(long objects) {
        return new IngestStats(0, objects, 0, Map.of());
    }

    /** Records or sources sent to the dead-letter topic. */
    public long deadLetters() {
        return deadLettersByReason.values().stream().mapToLong(Long::longValue).sum();
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
        Map<DeadLetterCategory, Long> reasons = new HashMap<>(deadLettersByReason);
        other.deadLettersByReason.forEach((category, n) -> reasons.merge(category, n, Long::sum));
        return new IngestStats(objectsRead + other.objectsRead, objectsSkipped + other.objectsSkipped,
                records + other.records, reasons);
    }
}
