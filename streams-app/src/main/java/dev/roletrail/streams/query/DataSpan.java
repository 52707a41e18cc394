package dev.roletrail.streams.query;

import java.time.Instant;
import java.util.Objects;

import dev.roletrail.streams.profile.PrincipalProfile;
import dev.roletrail.streams.report.IsoWeek;

/**
 * The event time the observed data covers: the earliest and latest {@code eventTime} of any principal, and how many
 * events the principals account for. It tells {@code roletrail report} which weeks have data.
 */
public record DataSpan(Instant first, Instant last, long events) {

    public DataSpan {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last " + last + " is before first " + first);
        }
    }

    public static DataSpan of(PrincipalProfile profile) {
        return new DataSpan(profile.firstSeen(), profile.lastSeen(), profile.events());
    }

    /** The span covering both, as after merging two instances' answers. */
    public DataSpan merge(DataSpan other) {
        return new DataSpan(first.isBefore(other.first) ? first : other.first,
                last.isAfter(other.last) ? last : other.last, events + other.events);
    }

    public IsoWeek firstWeek() {
        return IsoWeek.of(first);
    }

    public IsoWeek lastWeek() {
        return IsoWeek.of(last);
    }

    /** Whether some event of the span may fall in the week (the span is a range, not a list of event times). */
    public boolean overlaps(IsoWeek week) {
        return week.compareTo(firstWeek()) >= 0 && week.compareTo(lastWeek()) <= 0;
    }
}
