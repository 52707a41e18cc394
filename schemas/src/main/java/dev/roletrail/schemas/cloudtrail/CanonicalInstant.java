package dev.roletrail.schemas.cloudtrail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads the one form CloudTrail writes {@code eventTime} in, {@code yyyy-MM-ddTHH:mm:ssZ}, without the general ISO
 * parser, which cost as much as the rest of the record's check. Anything else (fractions, offsets, leap seconds,
 * impossible dates, numbers) is left to the general parser, so what is accepted and why a value is refused stay the
 * same.
 */
public final class CanonicalInstant {

    private static final int LENGTH = "2026-11-25T12:00:00Z".length();

    private CanonicalInstant() {
    }

    /** The instant, or empty when {@code text} is not exactly in the canonical form of a valid time. */
    public static Optional<Instant> parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            // An impossible date or time: the general parser says why.
            return Optional.empty();
        }
    }

    /** The decimal number in text[from, from + count), or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
