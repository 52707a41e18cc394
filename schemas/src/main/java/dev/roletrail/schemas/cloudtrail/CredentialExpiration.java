package dev.roletrail.schemas.cloudtrail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code responseElements.credentials.expiration} of an STS call. CloudTrail writes it in UTC, like
 * "Jul 18, 2023, 4:07:39 PM" (every real record in {@code shared/data} has that shape); the simulator and the test
 * kit write it with {@link #format}. The streams app reads it for every session issued, so that shape is read by hand:
 * {@link DateTimeFormatter} took 1.5 % of the stream threads' time. Anything else goes to the formatter, then to
 * ISO-8601 (older exports and hand-made records).
 */
public final class CredentialExpiration {

    private static final DateTimeFormatter AWS_SHAPE = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a",
            Locale.US).withZone(ZoneOffset.UTC);
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    private CredentialExpiration() {
    }

    /** As CloudTrail writes it, e.g. "Jul 18, 2023, 4:07:39 PM". */
    public static String format(Instant expiration) {
        return AWS_SHAPE.format(expiration);
    }

    /** The expiration, or empty when the text has no shape this reads. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Instant fast = awsShape(text);
        if (fast != null) {
            return Optional.of(fast);
        }
        try {
            return Optional.of(LocalDateTime.parse(text, AWS_SHAPE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notAwsShape) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }

    /** "MMM d, yyyy, h:mm:ss a" read by hand, or null for anything else (left to the formatter). */
    private static Instant awsShape(String text) {
        Cursor at = new Cursor(text);
        int month = at.month();
        if (month < 0 || !at.skip(" ")) {
            return null;
        }
        int day = at.digits(1, 2);
        int year = at.skip(", ") ? at.digits(4, 4) : -1;
        int hour = at.skip(", ") ? at.digits(1, 2) : -1;
        int minute = at.skip(":") ? at.digits(2, 2) : -1;
        int second = at.skip(":") ? at.digits(2, 2) : -1;
        if (day < 0 || year < 0 || hour < 1 || hour > 12 || minute < 0 || second < 0 || !at.skip(" ")) {
            return null;
        }
        int clock = hour % 12;
        if (at.skip("PM")) {
            clock += 12;
        } else if (!at.skip("AM")) {
            return null;
        }
        if (at.position != text.length()) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, clock, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return null; // "Feb 30", minute 61: the formatter says no in its own words
        }
    }

    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean skip(String literal) {
            if (!text.startsWith(literal, position)) {
                return false;
            }
            position += literal.length();
            return true;
        }

        /** A month's three-letter English name as its number, 1 to 12, or -1. */
        int month() {
            if (position + 3 > text.length()) {
                return -1;
            }
            int month = MONTHS.indexOf(text.substring(position, position + 3)) + 1;
            position += 3;
            return month > 0 ? month : -1;
        }

        /** Between {@code min} and {@code max} ASCII digits as a number, or -1. */
        int digits(int min, int max) {
            int value = 0;
            int count = 0;
            while (count < max && position < text.length()) {
                char c = text.charAt(position);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                position++;
                count++;
            }
            return count >= min ? value : -1;
        }
    }
}
