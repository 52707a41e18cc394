package dev.roletrail.simulator.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.simulator.truth.ExpectedFinding;
import dev.roletrail.simulator.truth.ExpectedPolicy;
import dev.roletrail.simulator.truth.GroundTruth;

/**
 * Scores open findings against the ground truth, per kind: a finding and an expected one are the same when kind,
 * entity and subject are equal.
 * <pre>
 * TP = open ∩ expected, FP = open − expected, FN = expected − open
 * precision = |TP| / |open|, recall = |TP| / |expected|
 * </pre>
 * A least-privilege policy found is also compared with the actions used: exact, superset, subset or wrong.
 */
public final class TruthScorer {

    private TruthScorer() {
    }

    public static List<TruthRow> rows(GroundTruth truth, List<Finding> findings) {
        List<TruthRow> rows = new ArrayList<>();
        for (FindingKind kind : FindingKind.values()) {
            SortedSet<String> expected = truth.open(kind).stream().map(ExpectedFinding::key)
                    .collect(Collectors.toCollection(TreeSet::new));
            SortedSet<String> open = open(findings, kind).keySet().stream()
                    .collect(Collectors.toCollection(TreeSet::new));
            rows.add(new TruthRow(kind.id(), open.stream().filter(expected::contains).toList(),
                    open.stream().filter(k -> !expected.contains(k)).toList(),
                    expected.stream().filter(k -> !open.contains(k)).toList()));
        }
        return rows;
    }

    public static PolicyScore policies(GroundTruth truth, List<Finding> findings) {
        Map<String, Finding> open = open(findings, FindingKind.LEAST_PRIVILEGE_POLICY);
        int exact = 0;
        int superset = 0;
        int subset = 0;
        int wrong = 0;
        List<String> differences = new ArrayList<>();
        for (ExpectedPolicy expected : truth.policies()) {
            Finding finding = open.get(expected.key());
            if (finding == null) {
                continue;
            }
            Set<String> generated = actions(finding.policy());
            Set<String> used = new TreeSet<>(expected.actions());
            List<String> added = generated.stream().filter(a -> !used.contains(a)).map(a -> "+" + a).toList();
            List<String> missing = used.stream().filter(a -> !generated.contains(a)).map(a -> "-" + a).toList();
            if (added.isEmpty() && missing.isEmpty()) {
                exact++;
                continue;
            }
            if (missing.isEmpty()) {
                superset++;
            } else if (added.isEmpty()) {
                subset++;
            } else {
                wrong++;
            }
            List<String> change = new ArrayList<>(added);
            change.addAll(missing);
            differences.add(expected.key() + ": " + String.join(" ", change));
        }
        return new PolicyScore(exact, superset, subset, wrong, differences);
    }

    private static Map<String, Finding> open(List<Finding> findings, FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind && f.status() == FindingStatus.OPEN)
                .collect(Collectors.toMap(TruthScorer::key, Function.identity(), (a, b) -> a));
    }

    static String key(Finding finding) {
        return new ExpectedFinding(finding.kind(), finding.entity(), finding.subject()).key();
    }

    /** The actions of a generated policy's statements. */
    static Set<String> actions(String policy) {
        Set<String> actions = new TreeSet<>();
        if (policy == null) {
            return actions;
        }
        try {
            for (JsonNode statement : Json.mapper().readTree(policy).path("Statement")) {
                JsonNode action = statement.path("Action");
                if (action.isTextual()) {
                    actions.add(action.asText());
                }
                action.forEach(a -> actions.add(a.asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a finding's policy is not JSON: " + e.getMessage(), e);
        }
        return actions;
    }
}
