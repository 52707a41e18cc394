package dev.roletrail.launcher;

import java.time.Duration;
import java.util.Locale;

/**
 * One line of backfill progress for a terminal: objects and records done of the total (the total of records is
 * estimated from bytes until the end), rates and the time left. Pure: it formats a {@link Snapshot}.
 */
final class ProgressLine {

    /**
     * @param objectsDone   objects read or found done by an earlier run
     * @param objectsTotal  objects in the selection, or -1 while still counting
     * @param bytesDone     compressed bytes of the objects done
     * @param bytesTotal    compressed bytes of all objects, or -1 while still counting
     * @param counting      whether the totals are still growing
     */
    record Snapshot(long objectsDone, long objectsTotal, long bytesDone, long bytesTotal, long records,
            long deadLetters, Duration elapsed, long bytesReadThisRun, long recordsThisRun, boolean counting) {
    }

    private ProgressLine() {
    }

    static String format(Snapshot s) {
        double seconds = Math.max(0.001, s.elapsed().toMillis() / 1000.0);
        double recordsPerSecond = s.recordsThisRun() / seconds;
        double bytesPerSecond = s.bytesReadThisRun() / seconds;
        StringBuilder line = new StringBuilder("ingest: ");
        line.append(String.format(Locale.ROOT, "%,d", s.objectsDone()));
        if (s.objectsTotal() >= 0) {
            line.append(String.format(Locale.ROOT, "/%s%,d objects", s.counting() ? "≥" : "", s.objectsTotal()));
        } else {
            line.append(" objects");
        }
        line.append(String.format(Locale.ROOT, ", %,d", s.records()));
        long recordsTotal = estimatedRecords(s);
        if (recordsTotal > 0) {
            line.append(String.format(Locale.ROOT, "/~%,d", recordsTotal));
        }
        line.append(String.format(Locale.ROOT, " records, %,.0f records/s, %.1f MB/s", recordsPerSecond,
                bytesPerSecond / 1_000_000));
        if (s.deadLetters() > 0) {
            line.append(String.format(Locale.ROOT, ", %,d dead letters", s.deadLetters()));
        }
        line.append(", ETA ").append(eta(s, bytesPerSecond));
        return line.toString();
    }

    /** The records so far plus the rest of the bytes at this run's records per compressed byte. */
    private static long estimatedRecords(Snapshot s) {
        if (s.bytesTotal() <= 0 || s.bytesReadThisRun() <= 0 || s.counting()) {
            return -1;
        }
        double perByte = (double) s.recordsThisRun() / s.bytesReadThisRun();
        return s.records() + Math.round(perByte * Math.max(0, s.bytesTotal() - s.bytesDone()));
    }

    private static String eta(Snapshot s, double bytesPerSecond) {
        if (s.counting() || s.bytesTotal() < 0 || bytesPerSecond <= 0) {
            return "?";
        }
        long left = Math.max(0, s.bytesTotal() - s.bytesDone());
        return duration(Duration.ofSeconds(Math.round(left / bytesPerSecond)));
    }

    static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds / 60 % 60) + "m";
    }
}
