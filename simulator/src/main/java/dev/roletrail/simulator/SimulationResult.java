package dev.roletrail.simulator;

import java.util.Objects;
import java.util.Optional;

import dev.roletrail.simulator.label.LabelsFile;
import dev.roletrail.simulator.truth.GroundTruth;

/**
 * What a simulation wrote: its labels (with the event counts), the findings that should be open at its end (none
 * past {@link Simulator#TRUTH_MAX_USERS} users), and how many log objects and bytes.
 */
public record SimulationResult(LabelsFile labels, Optional<GroundTruth> truth, long objects, long bytes) {

    public SimulationResult {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(truth, "truth");
    }

    public long events() {
        return labels.benignEvents() + labels.attackEvents();
    }
}
