package dev.roletrail.streams.report;

import java.util.Objects;

/**
 * One count of a weekly report's summary and the same count a week earlier.
 *
 * @param item     a finding kind id ({@code unused-role}) or {@code alerts}, {@code access-paths},
 *                 {@code cross-account-paths}
 * @param count    this week
 * @param previous last week's report, or null when there was none
 */
public record SummaryLine(String item, long count, Long previous) {

    public SummaryLine {
        Objects.requireNonNull(item, "item");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
    }

    /** The change since last week, or null when there is nothing to compare with. */
    public Long change() {
        return previous == null ? null : count - previous;
    }
}
