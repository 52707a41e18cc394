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
 * @param sentRepeats the repeats a summary already sent counted (at the end of input, before the window closed)
 */
public record SuppressionState(Alert first, Instant windowEnd, long repeats, Instant lastRepeat, long sentRepeats) {

    public SuppressionState {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(windowEnd, "windowEnd");
    }

    public static SuppressionState open(Alert first, Instant windowEnd) {
        return new SuppressionState(first, windowEnd, 0, null, 0);
    }

    public SuppressionState repeat(Instant at) {
        return new SuppressionState(first, windowEnd, repeats + 1,
                lastRepeat == null || at.isAfter(lastRepeat) ? at : lastRepeat, sentRepeats);
    }

    /** Whether repeats came that no summary sent so far counts. */
    public boolean unsentRepeats() {
        return repeats > sentRepeats;
    }

    /** This state once its {@link #summary()} went out. */
    public SuppressionState summarySent() {
        return new SuppressionState(first, windowEnd, repeats, lastRepeat, repeats);
    }

    /**
     * The first alert again with the total count, sent when the window closes so the SOC sees the repeats (and at the
     * end of input, when no later event will close it).
     */
    public Alert summary() {
        return first.withRepeats(1 + repeats, lastRepeat == null ? first.lastEventTime() : lastRepeat);
    }
}
