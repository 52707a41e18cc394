package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.CredentialKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.schemas.identity.IdentityType;

class IdentityInventoryTest {

    private final IdentityInventory inventory = IdentityInventory.of(ReportSamples.identities());

    @Test
    void shouldCountEveryKindAndEveryKindByCredentialZerosIncluded() {
        assertThat(inventory.byKind()).containsExactly(Map.entry("human", 0L), Map.entry("workload", 3L),
                Map.entry("aws-service", 0L), Map.entry("federated-workload", 1L), Map.entry("external", 1L),
                Map.entry("mixed", 1L), Map.entry("unknown", 0L));
        assertThat(inventory.byKindAndCredential()).hasSize(IdentityKind.values().length);
        assertThat(inventory.byKindAndCredential().get("workload")).containsExactly(
                Map.entry("long-lived-key", 2L), Map.entry("password", 0L),
                Map.entry("password-and-long-lived-key", 0L), Map.entry("temporary-only", 1L), Map.entry("none", 0L));
        assertThat(inventory.total()).isEqualTo(ReportSamples.identities().size());
    }

    @Test
    void shouldListIdentitiesWithoutAnOwnerOrWithAnOrphanedOne() {
        assertThat(inventory.withoutOwner()).extracting(Identity::id).containsExactly("AKIAEXAMPLE000000002",
                "account:" + ReportSamples.VENDOR, ReportSamples.LEGACY, ReportSamples.OPS_SHARED);
        assertThat(IdentityInventory.ownerWords(inventory.withoutOwner().get(2)))
                .isEqualTo("bob@example.com (tag:owner, orphaned)");
        assertThat(IdentityInventory.ownerWords(inventory.withoutOwner().get(0))).isEqualTo("none");
    }

    @Test
    void shouldListOnlyWorkloadsOnLongLivedKeys() {
        Identity human = ReportSamples.identity("arn:aws:iam::111122223333:user/dana", IdentityType.IAM_USER,
                ReportSamples.PROD, IdentityKind.HUMAN, CredentialKind.LONG_LIVED_KEY, "dana", "tag:owner", List.of());

        assertThat(inventory.workloadsOnKeys()).extracting(Identity::id)
                .as("the mixed user and the role on temporary credentials are not listed")
                .containsExactly("AKIAEXAMPLE000000002", ReportSamples.CI_BOT);
        assertThat(IdentityInventory.workloadOnKey(human)).isFalse();
    }

    @Test
    void shouldNotCallAnOwnerOrphanedOnOtherEvidence() {
        Identity owned = ReportSamples.identity("r", IdentityType.ROLE, ReportSamples.PROD, IdentityKind.WORKLOAD,
                CredentialKind.TEMPORARY_ONLY, "team-a", "tag:team", List.of("owner team-a from tag:team"));

        assertThat(IdentityInventory.orphaned(owned)).isFalse();
        assertThat(IdentityInventory.of(List.of(owned)).withoutOwner()).isEmpty();
    }
}
