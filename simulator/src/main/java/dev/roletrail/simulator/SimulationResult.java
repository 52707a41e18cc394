package dev.roletrail.simulator;

import java.util.Objects;

import dev.roletrail.simulator.label.LabelsFile;

/** What a simulation wrote: its labels (with the event counts), and how many log objects and bytes. */
public record SimulationResult(LabelsFile labels, long objects, long bytes) {

    public SimulationResult {
        Objects.requireNonNull(labels, "labels");
    }

    public long events() {
        return labels.benignEvents() + labels.attackEvents();
    }
}
