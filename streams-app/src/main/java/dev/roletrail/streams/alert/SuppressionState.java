package dev.roletrail.streams.alert;

import java.time.Instant;
import java.util.Objects;

import dev.roletrail.schemas.alert.Alert;

/**
 * The alert that opened a suppression window and what happened since (store {@code alert-suppression}, key: the
 * alert's suppression key).
 *
 * @param first       the alert that went out when the window opened
 * @param windowEnd   until when repeats are only counted (event time)
 * @param repeats     how many more times it fired inside the window
 * @param lastRepeat  event time of the latest repeat, or null
 */
public record SuppressionState(Alert first, Instant windowEnd, long repeats, Instant lastRepeat) {

    public SuppressionState {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(windowEnd, "windowEnd");
    }

    public SuppressionState repeat(Instant at) {
        return new SuppressionState(first, windowEnd, repeats + 1,
                lastRepeat == null || at.isAfter(lastRepeat) ? at : lastRepeat);
    }

    /** The first alert again with the total count, sent when the window closes so the SOC sees the repeats. */
    public Alert summary() {
        return first.withRepeats(1 + repeats, lastRepeat == null ? first.lastEventTime() : lastRepeat);
    }
}
