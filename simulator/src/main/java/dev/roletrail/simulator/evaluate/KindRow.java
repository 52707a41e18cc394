package dev.roletrail.simulator.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the identity kinds' confusion table: the identities the truth gives one kind, by the kind RoleTrail
 * gave them.
 *
 * @param expected      the expected kind's id ({@code human}, ...)
 * @param got           kind id RoleTrail gave → how many, in {@code IdentityKind} order, kinds never given left out
 * @param misclassified {@code <id> -> <kind given>} for each identity given another kind, sorted
 */
public record KindRow(String expected, Map<String, Integer> got, List<String> misclassified) {

    public KindRow {
        Objects.requireNonNull(expected, "expected");
        got = Collections.unmodifiableMap(new LinkedHashMap<>(got));
        misclassified = List.copyOf(misclassified);
    }

    /** The identities of this expected kind RoleTrail produced. */
    public int total() {
        return got.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Of those, the ones given the expected kind. */
    public int correct() {
        return got.getOrDefault(expected, 0);
    }
}
