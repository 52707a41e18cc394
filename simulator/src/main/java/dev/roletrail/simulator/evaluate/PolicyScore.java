package dev.roletrail.simulator.evaluate;

import java.util.List;

/**
 * Least-privilege policies found and expected (true positives of {@code least-privilege-policy}), by how the
 * generated policy's actions compare with the actions the trail shows were used.
 *
 * @param exact       the same actions
 * @param superset    every used action and more
 * @param subset      only used actions, not all of them
 * @param wrong       some used actions missing and some others added
 * @param differences each policy that is not exact: its key, then {@code +action} added and {@code -action} missing
 */
public record PolicyScore(int exact, int superset, int subset, int wrong, List<String> differences) {

    public static final PolicyScore NONE = new PolicyScore(0, 0, 0, 0, List.of());

    public PolicyScore {
        differences = List.copyOf(differences);
    }

    public int compared() {
        return exact + superset + subset + wrong;
    }
}
