package dev.roletrail.simulator.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.simulator.label.Label;

/**
 * How late, in event time, a detector alerted on one scenario it found, and how much of the attack had happened by
 * then:
 * <pre>
 * fired   = min { a.firstEventTime : a matches l }
 * seconds = max(0, fired − l.from)
 * share   = |{ t ∈ l.eventTimes : t ≤ fired }| / |l.eventTimes|      (null when the label has no event times)
 * </pre>
 * An alert's first event time is the event that set it off (repeats leave it unchanged); for workload credentials on
 * a key's network it is the workload's use, which the key's act completing the evidence may follow within the
 * sharing window. An alert open on the entity before the scenario began matches through a repeat within it: it
 * fired before the first event, so seconds 0 and share 0.
 *
 * @param scenario the label's scenario id
 * @param seconds  event time from the scenario's first event to the alert
 * @param share    the share of the scenario's events at or before the alert, 0–1
 */
public record AlertDelay(String scenario, long seconds, Double share) {

    public AlertDelay {
        Objects.requireNonNull(scenario, "scenario");
        if (seconds < 0 || share != null && (share < 0 || share > 1)) {
            throw new IllegalArgumentException(scenario + ": delay " + seconds + " s, share " + share);
        }
    }

    /** The delay of the earliest of {@code matching}, the alerts that match {@code label}; empty when none does. */
    public static Optional<AlertDelay> of(Label label, List<Alert> matching) {
        return matching.stream().map(Alert::firstEventTime).min(Comparator.naturalOrder())
                .map(fired -> new AlertDelay(label.scenario(),
                        Math.max(0, Duration.between(label.from(), fired).toSeconds()), share(label, fired)));
    }

    private static Double share(Label label, Instant fired) {
        List<Instant> times = label.eventTimes();
        if (times.isEmpty()) {
            return null;
        }
        long before = times.stream().filter(t -> !t.isAfter(fired)).count();
        return Math.round(before * 1000.0 / times.size()) / 1000.0;
    }
}
