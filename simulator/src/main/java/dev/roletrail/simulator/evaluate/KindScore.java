package dev.roletrail.simulator.evaluate;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The identity inventory scored against the ground truth ({@link KindScorer}).
 *
 * @param expected           identities the truth knows
 * @param produced           identities RoleTrail produced (0: none, the inventory was not written)
 * @param compared           identities in both, the ones kinds and owners are compared on
 * @param correct            of those, the ones given the expected kind
 * @param rows               the confusion table, one row per expected kind present, in {@code IdentityKind} order
 * @param missing            expected identities RoleTrail did not produce, sorted
 * @param unexpected         identities RoleTrail produced the truth does not know, sorted
 * @param ownersAgreed       compared identities whose owner is the expected one (both none counts)
 * @param ownerDisagreements {@code <id>: expected <owner|none>, got <owner|none>}, sorted
 */
public record KindScore(int expected, int produced, int compared, int correct, List<KindRow> rows,
        List<String> missing, List<String> unexpected, int ownersAgreed, List<String> ownerDisagreements) {

    public static final KindScore NONE = new KindScore(0, 0, 0, 0, List.of(), List.of(), List.of(), 0, List.of());

    public KindScore {
        rows = List.copyOf(rows);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        ownerDisagreements = List.copyOf(ownerDisagreements);
    }

    /** Of the compared identities, the share given the expected kind; 1 when none were compared. */
    @JsonProperty("accuracy")
    public double accuracy() {
        return ratio(correct, compared);
    }

    /** Of the compared identities, the share with the expected owner; 1 when none were compared. */
    @JsonProperty("ownerAgreement")
    public double ownerAgreement() {
        return ratio(ownersAgreed, compared);
    }

    /** Of the expected identities, the share RoleTrail produced; 1 when none is expected. */
    @JsonProperty("coverage")
    public double coverage() {
        return ratio(compared, expected);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : Math.round(part * 1000.0 / whole) / 1000.0;
    }
}
