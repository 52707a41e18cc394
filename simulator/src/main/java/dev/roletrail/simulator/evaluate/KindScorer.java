package dev.roletrail.simulator.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.simulator.truth.ExpectedIdentity;
import dev.roletrail.simulator.truth.GroundTruth;

/**
 * Scores the identities RoleTrail produced against the ground truth's, matched by id:
 * <pre>
 * compared = expected ∩ produced
 * accuracy = |{i ∈ compared : kind(i) = expected kind(i)}| / |compared|
 * owner agreement = |{i ∈ compared : owner(i) = expected owner(i)}| / |compared|   (no owner on both sides agrees)
 * coverage = |compared| / |expected|
 * </pre>
 * with a confusion table per expected kind (counts per kind given, and the misclassified ids), and the expected
 * identities missing and the produced ones the truth does not know.
 */
public final class KindScorer {

    private KindScorer() {
    }

    public static KindScore score(GroundTruth truth, List<Identity> produced) {
        Map<String, Identity> byId = produced.stream()
                .collect(Collectors.toMap(Identity::id, Function.identity(), (a, b) -> b, TreeMap::new));
        Map<String, ExpectedIdentity> expected = truth.identities().stream()
                .collect(Collectors.toMap(ExpectedIdentity::id, Function.identity(), (a, b) -> a, TreeMap::new));
        Map<IdentityKind, Map<IdentityKind, Integer>> table = new TreeMap<>();
        Map<IdentityKind, List<String>> misclassified = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        int compared = 0;
        int correct = 0;
        for (ExpectedIdentity want : expected.values()) {
            Identity got = byId.get(want.id());
            if (got == null) {
                missing.add(want.id());
                continue;
            }
            compared++;
            table.computeIfAbsent(want.kind(), k -> new TreeMap<>()).merge(got.kind(), 1, Integer::sum);
            if (got.kind() == want.kind()) {
                correct++;
            } else {
                misclassified.computeIfAbsent(want.kind(), k -> new ArrayList<>())
                        .add(want.id() + " -> " + got.kind().id());
            }
            if (!Objects.equals(want.owner(), got.owner())) {
                owners.add(want.id() + ": expected " + orNone(want.owner()) + ", got " + orNone(got.owner()));
            }
        }
        List<KindRow> rows = new ArrayList<>();
        table.forEach((kind, got) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            got.forEach((k, n) -> counts.put(k.id(), n));
            rows.add(new KindRow(kind.id(), counts, misclassified.getOrDefault(kind, List.of())));
        });
        List<String> unexpected = byId.keySet().stream().filter(id -> !expected.containsKey(id)).toList();
        return new KindScore(expected.size(), byId.size(), compared, correct, rows, missing, unexpected,
                compared - owners.size(), owners);
    }

    private static String orNone(String owner) {
        return owner == null ? "none" : owner;
    }
}
