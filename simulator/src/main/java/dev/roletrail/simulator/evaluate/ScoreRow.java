package dev.roletrail.simulator.evaluate;

import java.util.List;
import java.util.Objects;

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
 */
public record ScoreRow(String type, String id, int scenarios, int found, List<String> missed, long falseAlarms,
        double perMillion, List<String> examples) {

    public ScoreRow {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        missed = List.copyOf(missed);
        examples = List.copyOf(examples);
        if (found + missed.size() != scenarios) {
            throw new IllegalArgumentException(id + ": found " + found + " + missed " + missed.size()
                    + " is not the " + scenarios + " scenarios");
        }
    }

    /** Every labelled scenario was found (and there was at least one). */
    public boolean complete() {
        return scenarios > 0 && missed.isEmpty();
    }
}
