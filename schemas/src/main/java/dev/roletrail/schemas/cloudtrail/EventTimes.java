package dev.roletrail.schemas.cloudtrail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/**
 * The forms of {@code eventTime} RoleTrail reads, shared by ingest's check, the record's binding and the streams app's
 * timestamp extractor, so that all three accept the same values. In order of cost:
 * <ol>
 * <li>CloudTrail's own {@code 2026-11-25T12:00:00Z} ({@link CanonicalInstant});</li>
 * <li>any ISO-8601 instant ({@link Instant#parse}): fractional seconds, an offset such as {@code +01:00};</li>
 * <li>as exports write it ({@link #exported}): a space instead of {@code T}, no zone (UTC), an offset without a colon:
 * {@code 2022-09-27 17:09:18}, {@code 2022-09-27T17:09:18.5}, {@code 2022-09-27 17:09:18+0000}.</li>
 * </ol>
 */
public final class EventTimes {

    /** Date, {@code T} (a space is read as one), time with optional fraction, optionally {@code Z} or an offset. */
    private static final DateTimeFormatter EXPORTED = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private EventTimes() {
    }

    /** The instant in any form RoleTrail reads, or empty. */
    public static Optional<Instant> parse(String text) {
        Optional<Instant> canonical = CanonicalInstant.parse(text);
        if (canonical.isPresent()) {
            return canonical;
        }
        Optional<Instant> iso = iso(text);
        return iso.isPresent() ? iso : exported(text);
    }

    /** The instant when {@code text} is an ISO-8601 instant, as {@link Instant#parse} reads it; else empty. */
    public static Optional<Instant> iso(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The instant when {@code text} is a time as exports write it (see the class comment), UTC when it names no zone;
     * else empty. Exactly one of {@code T} and a space separates date and time.
     */
    public static Optional<Instant> exported(String text) {
        if (text.length() < 19 || (text.charAt(10) != 'T' && text.charAt(10) != ' ')) {
            return Optional.empty();
        }
        try {
            TemporalAccessor parsed = EXPORTED.parse(text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return Optional.of(local.toInstant(offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
