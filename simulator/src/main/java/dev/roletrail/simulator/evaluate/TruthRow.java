package dev.roletrail.simulator.evaluate;

import java.util.List;
import java.util.Objects;

/**
 * One finding kind scored against the ground truth: each finding named by its entity and subject
 * ({@code entity <- subject}).
 *
 * @param truePositives  open findings the truth expects
 * @param falsePositives open findings it does not
 * @param falseNegatives expected findings not open
 */
public record TruthRow(String kind, List<String> truePositives, List<String> falsePositives,
        List<String> falseNegatives) {

    public TruthRow {
        Objects.requireNonNull(kind, "kind");
        truePositives = List.copyOf(truePositives);
        falsePositives = List.copyOf(falsePositives);
        falseNegatives = List.copyOf(falseNegatives);
    }

    /** Of the open findings, the share the truth expects; 1 when none is open (nothing wrong was raised). */
    public double precision() {
        return ratio(truePositives.size(), truePositives.size() + falsePositives.size());
    }

    /** Of the expected findings, the share open; 1 when none is expected (nothing was missed). */
    public double recall() {
        return ratio(truePositives.size(), truePositives.size() + falseNegatives.size());
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : Math.round(part * 1000.0 / whole) / 1000.0;
    }
}
