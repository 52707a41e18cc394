package dev.roletrail.streams.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week ({@code 2026-W47}): Monday 00:00 UTC to the next Monday, the period of one weekly report. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern TEXT = Pattern.compile("^(\\d{4})-W(\\d{2})$");

    public IsoWeek {
        if (year < 2000 || year > 9999 || week < 1 || week > 53) {
            throw new IllegalArgumentException("not an ISO week: " + year + "-W" + week);
        }
        LocalDate monday = monday(year, week);
        if (monday.get(IsoFields.WEEK_BASED_YEAR) != year) {
            throw new IllegalArgumentException(year + " has no week " + week);
        }
    }

    /** Parses {@code 2026-W47}. */
    public static IsoWeek parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("week must look like 2026-W47, was '" + text + "'");
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The week that contains {@code instant} (UTC). */
    public static IsoWeek of(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public Instant start() {
        return monday(year, week).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive: the next week's start. */
    public Instant end() {
        return monday(year, week).plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public IsoWeek previous() {
        return of(start().minusSeconds(1));
    }

    /** The week {@code weeks} before this one. */
    public IsoWeek minusWeeks(int weeks) {
        return of(start().minusSeconds(7L * 86_400 * weeks));
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    private static LocalDate monday(int year, int week) {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    @Override
    public int compareTo(IsoWeek other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
