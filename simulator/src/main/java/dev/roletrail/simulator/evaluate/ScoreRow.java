package dev.roletrail.simulator.evaluate;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Detection quality of one detector or finding kind.
 *
 * @param type           {@code detector} or {@code finding}
 * @param id             the detector id or finding kind id
 * @param scenarios      labelled scenarios that expect it
 * @param found          of those, the ones at least one alert (finding) matched
 * @param missed         the ids of the scenarios no alert (finding) matched
 * @param falseAlarms    alerts (open findings) of it that match no label
 * @param perMillion     false alarms per million benign events
 * @param examples       a few false alarms, for whoever tunes the detector: entity and first event time
 * @param delays         per scenario found, how late in event time the detector alerted (detectors only: findings
 *                       are daily and describe the whole period), in the labels' order
 */
public record ScoreRow(String type, String id, int scenarios, int found, List<String> missed, long falseAlarms,
        double perMillion, List<String> examples, List<AlertDelay> delays) {

    public ScoreRow {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        missed = List.copyOf(missed);
        examples = List.copyOf(examples);
        delays = List.copyOf(delays);
        if (found + missed.size() != scenarios) {
            throw new IllegalArgumentException(id + ": found " + found + " + missed " + missed.size()
                    + " is not the " + scenarios + " scenarios");
        }
    }

    /** A row without delays: a finding kind's. */
    public ScoreRow(String type, String id, int scenarios, int found, List<String> missed, long falseAlarms,
            double perMillion, List<String> examples) {
        this(type, id, scenarios, found, missed, falseAlarms, perMillion, examples, List.of());
    }

    /** The median delay in seconds (the lower middle one of an even count), or null when there is none. */
    @JsonProperty("delayMedianSeconds")
    public Long delayMedianSeconds() {
        List<Long> sorted = delays.stream().map(AlertDelay::seconds).sorted().toList();
        return sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2);
    }

    /** The longest delay in seconds, or null when there is none. */
    @JsonProperty("delayMaxSeconds")
    public Long delayMaxSeconds() {
        return delays.stream().map(AlertDelay::seconds).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The largest share of a scenario's events that had happened when the detector alerted, or null. */
    @JsonProperty("shareMax")
    public Double shareMax() {
        return delays.stream().map(AlertDelay::share).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Every labelled scenario was found (and there was at least one). */
    public boolean complete() {
        return scenarios > 0 && missed.isEmpty();
    }
}
