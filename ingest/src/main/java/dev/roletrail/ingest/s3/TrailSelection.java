package dev.roletrail.ingest.s3;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Set;

/**
 * Which part of a trail bucket to read.
 *
 * @param prefix     the trail's S3 key prefix, empty when the trail has none ({@code AWSLogs/} follows it)
 * @param startAfter skip keys up to and including this one, or null
 * @param accounts   only these accounts, or every account when empty
 * @param regions    only these regions, or every region when empty
 * @param from       only log objects delivered on or after this day (UTC), or null for the whole history
 * @param to         only log objects delivered on or before this day (UTC), or null for no end
 */
public record TrailSelection(String bucket, String prefix, String startAfter, Set<String> accounts,
        Set<String> regions, LocalDate from, LocalDate to) {

    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    public TrailSelection {
        Objects.requireNonNull(bucket, "bucket");
        prefix = prefix == null ? "" : prefix;
        accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the date range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The whole trail under {@code prefix}. */
    public static TrailSelection all(String bucket, String prefix, String startAfter) {
        return new TrailSelection(bucket, prefix, startAfter, Set.of(), Set.of(), null, null);
    }

    /** Where CloudTrail writes: {@code <prefix>AWSLogs/}. */
    public String logsPrefix() {
        return prefix + "AWSLogs/";
    }

    public boolean wantsAccount(String account) {
        return accounts.isEmpty() || accounts.contains(account);
    }

    public boolean wantsRegion(String region) {
        return regions.isEmpty() || regions.contains(region);
    }

    public boolean beyondEnd(LocalDate day) {
        return to != null && day.isAfter(to);
    }

    /** The start-after key of a stream for the first day of the range, or null when the range has no start. */
    public String fromCursor(String streamPrefix) {
        return from == null ? null : streamPrefix + DAY_PATH.format(from);
    }
}
