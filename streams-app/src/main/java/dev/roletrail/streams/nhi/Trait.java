package dev.roletrail.streams.nhi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

import dev.roletrail.streams.identity.Observation;

/**
 * One way an identity was used: with which credential, client family and network, in which four-hour span of which
 * kind of day (UTC). Kept per identity with its latest use, these are the facts its kind is inferred from; the span
 * rather than the hour keeps a round-the-clock workload to at most six of them a day.
 *
 * @param credential a long-term access key id ({@code AKIA...}), {@link #PASSWORD} for a console sign-in, or
 *                   {@link #SESSION} for temporary credentials
 * @param client     the user-agent family ({@code UserAgents.family})
 * @param network    the network ({@code Networks.of}), an AWS service name for calls made through one
 * @param span       0–5: the four-hour span of a weekday (0 is 00:00–04:00 UTC); 6–11 the same on a weekend
 */
public record Trait(String credential, String client, String network, int span) {

    public static final String PASSWORD = "password";
    public static final String SESSION = "session";
    /** Spans of a day; a weekend span is this much above its weekday twin. */
    public static final int SPANS_PER_DAY = 6;
    /** Unit Separator: no credential, client family or network holds it. */
    private static final char SEPARATOR = '\u001f';

    public Trait {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(network, "network");
        if (span < 0 || span >= 2 * SPANS_PER_DAY) {
            throw new IllegalArgumentException("span 0–11, was " + span);
        }
    }

    /** The span of an event time: {@code hour / 4}, plus {@value #SPANS_PER_DAY} on Saturday and Sunday. */
    public static int spanOf(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        DayOfWeek day = utc.getDayOfWeek();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return utc.getHour() / 4 + (weekend ? SPANS_PER_DAY : 0);
    }

    /** The four-hour span of the day, whatever the day: 0–5. */
    public int hours() {
        return span % SPANS_PER_DAY;
    }

    public boolean weekend() {
        return span >= SPANS_PER_DAY;
    }

    /** Whether the credential is a long-term access key. */
    public boolean longTermKey() {
        return Observation.isLongTermKey(credential);
    }

    /** How a usage row holds it. */
    public String encode() {
        return credential + SEPARATOR + client + SEPARATOR + network + SEPARATOR + span;
    }

    /** The trait a usage row holds, or null when the row is not one (never written by {@link #encode()}). */
    public static Trait decode(String item) {
        String[] parts = item.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 4) {
            return null;
        }
        try {
            return new Trait(parts[0], parts[1], parts[2], Integer.parseInt(parts[3]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
