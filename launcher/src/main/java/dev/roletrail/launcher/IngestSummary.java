package dev.roletrail.launcher;

import java.util.Map;
import java.util.stream.Collectors;

import dev.roletrail.ingest.IngestStats;
import dev.roletrail.schemas.deadletter.DeadLetterCategory;

/** The console's line about an ingest pass: {@code ingest: 3 objects read (0 already done), 9 records, 12 dead letters: 7 not CloudTrail JSON, 5 truncated gzip}. */
final class IngestSummary {

    private IngestSummary() {
    }

    static String line(IngestStats stats) {
        return String.format("ingest: %d objects read (%d already done), %d records, %d dead letters%s",
                stats.objectsRead(), stats.objectsSkipped(), stats.records(), stats.deadLetters(), reasons(stats));
    }

    /** Why nothing was usable, for the one-line error of a run that produced no record. */
    static String nothingUsable(IngestStats stats) {
        return "none of the " + stats.objectsRead() + " objects read held a usable CloudTrail record"
                + (stats.deadLetters() == 0 ? " (they held no records)"
                        : " (" + stats.deadLetters() + " dead letters" + reasons(stats) + ")");
    }

    private static String reasons(IngestStats stats) {
        if (stats.deadLetters() == 0) {
            return "";
        }
        return ": " + stats.deadLettersByCount().stream()
                .map((Map.Entry<DeadLetterCategory, Long> e) -> e.getValue() + " " + e.getKey().words())
                .collect(Collectors.joining(", "));
    }
}
