package dev.roletrail.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.TestDatasets;
import dev.roletrail.simulator.org.Habit;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Pipelines;

/** The identities' kinds and owners by construction, and the three inventory findings they imply. */
class IdentityRulesTest {

    private static final SimulationSpec SPEC = SimulationSpec.small(7);
    private static final Instant RECENT = Instant.parse("2026-09-30T10:00:00Z");
    private static final Instant T0 = RECENT.minus(Duration.ofDays(90));
    private static Organization org;
    private static GroundTruth truth;

    @BeforeAll
    static void simulate() throws Exception {
        truth = TestDatasets.simulate(SPEC).result().truth().orElseThrow();
        org = Simulator.organization(SPEC);
    }

    @Test
    void shouldGiveUsersAndTheirKeysTheKindOfTheirHabit() {
        assertThat(kind(org.user(OrganizationBuilder.OPS_ADMIN).arn())).isEqualTo(IdentityKind.HUMAN);
        assertThat(kind(org.user(OrganizationBuilder.BATCH_USER).arn())).isEqualTo(IdentityKind.WORKLOAD);
        assertThat(kind(org.user(OrganizationBuilder.BATCH_USER).accessKeyId())).isEqualTo(IdentityKind.WORKLOAD);
        assertThat(kind(org.user(OrganizationBuilder.SHARED_KEY_USER).accessKeyId())).isEqualTo(IdentityKind.MIXED);
        assertThat(kind(org.user(OrganizationBuilder.DORMANT_KEY_USER).arn())).isEqualTo(IdentityKind.WORKLOAD);
        assertThat(kind(org.user(OrganizationBuilder.INACTIVE_USER).arn())).isEqualTo(IdentityKind.UNKNOWN);
        assertThat(kind(org.user(OrganizationBuilder.INACTIVE_USER).accessKeyId())).isEqualTo(IdentityKind.UNKNOWN);
    }

    @Test
    void shouldGiveRolesTheKindOfWhoAssumesThem() {
        String mgmt = org.management().id();
        assertThat(kind(org.role(RoleKind.SAML, mgmt).arn())).isEqualTo(IdentityKind.HUMAN);
        assertThat(kind(org.roleNamed(OrganizationBuilder.BATCH_ROLE).orElseThrow().arn()))
                .isEqualTo(IdentityKind.WORKLOAD);
        assertThat(kind(org.role(RoleKind.EC2_SERVICE, mgmt).arn())).isEqualTo(IdentityKind.WORKLOAD);
        assertThat(kind(org.role(RoleKind.VENDOR, mgmt).arn())).isEqualTo(IdentityKind.EXTERNAL);
        assertThat(kind(org.role(RoleKind.SERVICE_LINKED, mgmt).arn())).isEqualTo(IdentityKind.AWS_SERVICE);
        assertThat(kind(org.role(RoleKind.UNUSED, mgmt).arn())).isEqualTo(IdentityKind.UNKNOWN);
    }

    @Test
    void shouldGiveFederatedSubjectsAndOutsideAccountsTheirKinds() {
        String ci = Identity.federatedId(Pipelines.PROVIDER,
                Pipelines.subject(org.ciRepositories().get(0), "ref:refs/heads/main"));

        assertThat(kind(ci)).isEqualTo(IdentityKind.FEDERATED_WORKLOAD);
        assertThat(truth.identities()).filteredOn(i -> i.id().startsWith("saml:arn:aws:iam::"))
                .as("SSO people").isNotEmpty().allSatisfy(i -> assertThat(i.kind()).isEqualTo(IdentityKind.HUMAN));
        assertThat(kind(Identity.externalAccountId(org.vendors().get(1)))).isEqualTo(IdentityKind.EXTERNAL);
    }

    @Test
    void shouldGiveTheOwnerTheFirstOwnerTagNamesAndAKeyItsUsers() {
        SimUser batch = org.user(OrganizationBuilder.BATCH_USER);

        assertThat(owner(batch.arn())).isEqualTo("data-platform");
        assertThat(owner(batch.accessKeyId())).isEqualTo("data-platform");
        assertThat(owner(org.user(OrganizationBuilder.DORMANT_KEY_USER).arn())).isNull();
    }

    @Test
    void shouldExpectTheInventoryFindingsOfTheNamedUsersAndRoles() {
        SimUser batch = org.user(OrganizationBuilder.BATCH_USER);
        SimUser shared = org.user(OrganizationBuilder.SHARED_KEY_USER);

        assertThat(entities(FindingKind.LONG_LIVED_KEY_USED_BY_WORKLOAD))
                .as("the service's key, and the dormant integration's the attack wakes up in the period")
                .containsExactlyInAnyOrder(batch.accessKeyId(),
                        org.user(OrganizationBuilder.DORMANT_USER).accessKeyId());
        assertThat(entities(FindingKind.SHARED_CREDENTIAL)).containsExactly(shared.accessKeyId());
        assertThat(entities(FindingKind.UNOWNED_IDENTITY))
                .as("the batch role names the leaver, reporting-sync a person not in IAM, the others no owner")
                .contains(org.roleNamed(OrganizationBuilder.BATCH_ROLE).orElseThrow().arn(),
                        org.user(OrganizationBuilder.DORMANT_USER).arn(),
                        org.user(OrganizationBuilder.DORMANT_KEY_USER).arn(), shared.arn())
                .as("a team tag owns; people and services are not concerned")
                .doesNotContain(batch.arn(), org.user(OrganizationBuilder.OPS_ADMIN).arn(),
                        org.role(RoleKind.OIDC_DEPLOY, org.management().id()).arn(),
                        org.role(RoleKind.SERVICE_LINKED, org.management().id()).arn());
    }

    @Test
    void shouldCountAnOwnerNamingAnInactiveUserOrAPersonNotInIamAsOrphaned() {
        SimUser active = user("alice");
        SimUser idle = user("bob");
        TrailUse trail = new TrailUse();
        ObjectNode identity = JsonNodeFactory.instance.objectNode().put("type", "IAMUser").put("arn", active.arn())
                .put("accessKeyId", active.accessKeyId());
        ObjectNode call = JsonNodeFactory.instance.objectNode().put("eventTime", RECENT.toString())
                .put("eventSource", "s3.amazonaws.com").put("eventName", "ListBuckets");
        call.set("userIdentity", identity);
        trail.observe(call);
        Map<String, SimUser> users = Map.of("alice", active, "bob", idle);
        TrailUse.Snapshot use = trail.snapshot();

        assertThat(IdentityRules.orphaned("alice", users, use, T0)).isFalse();
        assertThat(IdentityRules.orphaned("alice@acme.example", users, use, T0)).isFalse();
        assertThat(IdentityRules.orphaned(active.arn(), users, use, T0)).isFalse();
        assertThat(IdentityRules.orphaned("bob", users, use, T0)).as("inactive").isTrue();
        assertThat(IdentityRules.orphaned("carol@acme.example", users, use, T0)).as("not in IAM").isTrue();
        assertThat(IdentityRules.orphaned("arn:aws:iam::210001000003:user/carol", users, use, T0)).isTrue();
        assertThat(IdentityRules.orphaned("payments", users, use, T0)).as("a team").isFalse();
    }

    private static SimUser user(String name) {
        return new SimUser("210001000003", name, "AIDA" + name.toUpperCase(), "AKIA" + name.toUpperCase(),
                Habit.DAILY, List.of("198.51.100"), "aws-cli/2", false, T0.minus(Duration.ofDays(9)), T0, List.of());
    }

    private static IdentityKind kind(String id) {
        return expected(id).kind();
    }

    private static String owner(String id) {
        return expected(id).owner();
    }

    private static ExpectedIdentity expected(String id) {
        return truth.identities().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no identity " + id));
    }

    private static List<String> entities(FindingKind kind) {
        return truth.open(kind).stream().map(ExpectedFinding::entity).toList();
    }
}
