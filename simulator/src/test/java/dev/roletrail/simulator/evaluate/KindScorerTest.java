package dev.roletrail.simulator.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.CredentialKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.schemas.identity.IdentityType;
import dev.roletrail.simulator.label.LabelsFile;
import dev.roletrail.simulator.truth.ExpectedIdentity;
import dev.roletrail.simulator.truth.GroundTruth;

class KindScorerTest {

    private static final Instant T = Instant.parse("2026-10-06T00:00:00Z");
    private static final String ALICE = "arn:aws:iam::210001000003:user/alice";
    private static final String BATCH = "arn:aws:iam::210001000003:user/svc-batch";
    private static final String BATCH_KEY = "AKIABATCH";
    private static final String SHARED_KEY = "AKIASHARED";
    private static final String ROLE = "arn:aws:iam::210001000003:role/WebServer";
    private static final GroundTruth TRUTH = new GroundTruth(T, T.minusSeconds(86_400 * 120L), 90, List.of(),
            List.of(), List.of(
                    expected(ALICE, IdentityType.IAM_USER, IdentityKind.HUMAN, null),
                    expected(BATCH, IdentityType.IAM_USER, IdentityKind.WORKLOAD, "data-platform"),
                    expected(BATCH_KEY, IdentityType.ACCESS_KEY, IdentityKind.WORKLOAD, "data-platform"),
                    expected(SHARED_KEY, IdentityType.ACCESS_KEY, IdentityKind.MIXED, null),
                    expected(ROLE, IdentityType.ROLE, IdentityKind.WORKLOAD, "web")));

    @Test
    void shouldScoreKindsByIdWithAConfusionRowPerExpectedKind() {
        KindScore score = KindScorer.score(TRUTH, produced(identity(BATCH_KEY, IdentityKind.HUMAN, "data-platform"),
                identity("AKIAUNKNOWN", IdentityKind.WORKLOAD, null)));

        assertThat(score).extracting(KindScore::expected, KindScore::produced, KindScore::compared,
                KindScore::correct, KindScore::accuracy, KindScore::coverage).containsExactly(5, 5, 4, 3, 0.75, 0.8);
        assertThat(score.missing()).containsExactly(ROLE);
        assertThat(score.unexpected()).containsExactly("AKIAUNKNOWN");
        assertThat(score.rows()).containsExactly(
                new KindRow("human", Map.of("human", 1), List.of()),
                new KindRow("workload", Map.of("human", 1, "workload", 1), List.of(BATCH_KEY + " -> human")),
                new KindRow("mixed", Map.of("mixed", 1), List.of()));
        assertThat(score.rows().get(1).got().keySet()).as("in IdentityKind order").containsExactly("human",
                "workload");
    }

    @Test
    void shouldCountOwnersThatAgreeNoOwnerOnBothSidesIncluded() {
        KindScore score = KindScorer.score(TRUTH, produced(identity(ROLE, IdentityKind.WORKLOAD, null)));

        assertThat(score.ownersAgreed()).isEqualTo(2);
        assertThat(score.ownerAgreement()).isEqualTo(0.5);
        assertThat(score.ownerDisagreements()).containsExactly(SHARED_KEY + ": expected none, got someone",
                ROLE + ": expected web, got none");
    }

    @Test
    void shouldSayNoIdentitiesWereProducedRatherThanFail() {
        KindScore score = KindScorer.score(TRUTH, List.of());

        assertThat(score.produced()).isZero();
        assertThat(score.compared()).isZero();
        assertThat(score.accuracy()).as("nothing compared, nothing wrong").isEqualTo(1.0);
        assertThat(score.missing()).hasSize(5);
    }

    @Test
    void shouldRenderTheIdentitiesAfterTheFindingsAndSayWhenNoneWereProduced() {
        LabelsFile labels = new LabelsFile(7, "o-abc", List.of(), List.of(), 1000, 0, List.of());

        Scorecard none = Scorecard.score(labels, Optional.of(TRUTH), List.of(), List.of(), List.of(), List.of());
        Scorecard some = Scorecard.score(labels, Optional.of(TRUTH), List.of(), List.of(), List.of(),
                List.of(identity(BATCH_KEY, IdentityKind.HUMAN, "data-platform")));

        assertThat(none.render()).contains("no identities produced (5 expected)");
        assertThat(some.render()).contains("kind accuracy 0.000", "workload", BATCH_KEY + " -> human");
        assertThat(some.identities().rows()).extracting(KindRow::expected).containsExactly("workload");
    }

    /** Alice and the batch user as expected, the shared key with a wrong owner, and more. */
    private static List<Identity> produced(Identity... more) {
        List<Identity> identities = new ArrayList<>(List.of(identity(ALICE, IdentityKind.HUMAN, null),
                identity(BATCH, IdentityKind.WORKLOAD, "data-platform"),
                identity(SHARED_KEY, IdentityKind.MIXED, "someone")));
        identities.addAll(List.of(more));
        return identities;
    }

    private static ExpectedIdentity expected(String id, IdentityType type, IdentityKind kind, String owner) {
        return new ExpectedIdentity(id, type, kind, owner);
    }

    private static Identity identity(String id, IdentityKind kind, String owner) {
        IdentityType type = id.startsWith("AKIA") ? IdentityType.ACCESS_KEY
                : id.contains(":role/") ? IdentityType.ROLE : IdentityType.IAM_USER;
        return new Identity(id, type, "210001000003", null, kind, List.of(), owner, owner == null ? null : "tag:owner",
                null, CredentialKind.values()[0], null, null, null, null, 0, 0, List.of(), List.of(), T);
    }
}
