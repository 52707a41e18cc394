package dev.roletrail.simulator;

import java.io.IOException;
import java.util.stream.Collectors;

/** Simulated datasets for tests, with their traffic and inventory as text. */
public final class TestDatasets {

    /** A simulation's objects, and the text of all its log objects and of its inventory. */
    public record Dataset(MemorySink sink, SimulationResult result, String traffic, String inventory) {
    }

    private TestDatasets() {
    }

    public static Dataset simulate(SimulationSpec spec) throws IOException {
        MemorySink sink = new MemorySink();
        SimulationResult result = Simulator.run(spec, sink);
        String traffic = sink.objects.keySet().stream().filter(k -> k.startsWith("AWSLogs/")).map(sink::text)
                .collect(Collectors.joining("\n"));
        String inventory = sink.objects.keySet().stream().filter(k -> k.startsWith(Simulator.INVENTORY_PREFIX))
                .map(sink::text).collect(Collectors.joining("\n"));
        return new Dataset(sink, result, traffic, inventory);
    }
}
