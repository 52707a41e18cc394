package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;

/** An attack (or a standing condition) injected into the organisation, with its ground-truth label. */
public interface Scenario {

    /** Adds the scenario's events, starting at {@code at}, to {@code out} and returns its label. */
    Label inject(ScenarioContext context, Instant at, List<ObjectNode> out);
}
