package dev.roletrail.streams.unused;

import static dev.roletrail.streams.unused.InventoryFixtures.allow;
import static dev.roletrail.streams.unused.InventoryFixtures.credentials;
import static dev.roletrail.streams.unused.InventoryFixtures.key;
import static dev.roletrail.streams.unused.InventoryFixtures.role;
import static dev.roletrail.streams.unused.InventoryFixtures.trusting;
import static dev.roletrail.streams.unused.InventoryFixtures.user;
import static dev.roletrail.streams.unused.InventoryFixtures.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.unused.policy.ActionCatalog;

/** Each finding kind: a case that raises it and cases that stay silent, with a 90-day period ending NOW. */
class FindingsEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant OLD = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant YOUNG = NOW.minus(Duration.ofDays(30));
    private static final Instant RECENT = NOW.minus(Duration.ofDays(10));
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(200));
    private static final String ALICE = userArn("alice");
    private static final String VENDOR = "arn:aws:iam::444455556666:root";

    private final FindingsEvaluator evaluator = new FindingsEvaluator(ActionCatalog.standard());
    private final List<InventoryEntity> inventory = new ArrayList<>();
    private final UsageRows usage = UsageRowsTest.inMemory();
    private final Map<String, List<AssumerActions>> assumers = new HashMap<>();
    /** RoleTrail has observed since well before the period began unless a test says otherwise. */
    private Instant observedSince = NOW.minus(Duration.ofDays(120));

    private List<Finding> evaluate() {
        return evaluator.evaluate(InventoryView.of(inventory), new FindingsEvaluator.UsageSource() {
            @Override
            public EntityUsage usage(String entity) {
                return usage.read(entity);
            }

            @Override
            public List<AssumerActions> assumers(String role) {
                return assumers.getOrDefault(role, List.of());
            }

            @Override
            public List<String> usedEntities() {
                return usage.entities();
            }
        }, new Evaluation(NOW, FindingsSettings.defaults(), observedSince));
    }

    private List<Finding> evaluate(FindingKind kind) {
        return evaluate().stream().filter(f -> f.kind() == kind).toList();
    }

    private void use(UsageSignal... signals) {
        for (UsageSignal signal : signals) {
            usage.record(signal);
        }
    }

    private static UsageSignal call(String entity, Instant at, String action) {
        return new UsageSignal(entity, at, false, action, null, null, null, null, null);
    }

    private static UsageSignal assumed(String role, Instant at, String assumer, String origin, String network) {
        return new UsageSignal(role, at, true, null, null, assumer, origin, network, "aws-cli");
    }

    private static String arnOf(String roleName) {
        return "arn:aws:iam::111122223333:role/" + roleName;
    }

    @Test
    void shouldReportARoleNeitherAssumedNorActingInThePeriodCallingOutBroadTrust() {
        inventory.add(role("Legacy", OLD, trusting("*"), null, LONG_AGO));
        use(call(arnOf("Legacy"), LONG_AGO, "s3:ListAllMyBuckets"));

        assertThat(evaluate()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNUSED_ROLE);
            assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
            assertThat(f.entity()).isEqualTo(arnOf("Legacy"));
            assertThat(f.severity()).as("trusts anyone").isEqualTo(Severity.HIGH);
            assertThat(f.lastUsed()).isEqualTo(LONG_AGO);
            assertThat(f.periodStart()).isEqualTo(NOW.minus(Duration.ofDays(90)));
            assertThat(f.evidence()).contains("trusts * (anyone (*), no sts:ExternalId condition)");
        });
    }

    @Test
    void shouldNotReportARoleUsedInThePeriodOrYoungerThanIt() {
        inventory.add(role("Assumed", OLD, trusting(ALICE), null, null));
        inventory.add(role("UsedPerIam", OLD, trusting(ALICE), null, RECENT));
        inventory.add(role("New", YOUNG, trusting(ALICE), null, null));
        use(assumed(arnOf("Assumed"), RECENT, ALICE, ALICE, "203.0.113.0/24"));

        assertThat(evaluate(FindingKind.UNUSED_ROLE)).isEmpty();
    }

    @Test
    void shouldReportEachTrustedPrincipalThatNeverAssumedTheRoleInThePeriod() {
        inventory.add(role("Shared", OLD, trusting(ALICE, VENDOR), null, null));
        use(assumed(arnOf("Shared"), RECENT, ALICE, ALICE, "203.0.113.0/24"));

        assertThat(evaluate(FindingKind.UNUSED_TRUST_PATH)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(VENDOR);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.evidence()).contains(
                    "broad trust: every principal of account 444455556666, no sts:ExternalId condition");
        });
    }

    @Test
    void shouldCountAnAssumerFromATrustedAccountAsUseOfThatPath() {
        inventory.add(role("Vendor", OLD, trusting(VENDOR), null, null));
        use(assumed(arnOf("Vendor"), RECENT, "arn:aws:iam::444455556666:role/Ops", "x", "198.51.100.0/24"));

        assertThat(evaluate(FindingKind.UNUSED_TRUST_PATH)).isEmpty();
    }

    @Test
    void shouldNotJudgeTrustPathsOrPermissionsBeforeObservationsCoverThePeriod() {
        observedSince = NOW.minus(Duration.ofDays(20));
        inventory.add(role("Shared", OLD, trusting(ALICE, VENDOR), allow("s3:CreateBucket"), null));
        use(assumed(arnOf("Shared"), RECENT, ALICE, ALICE, "203.0.113.0/24"));

        assertThat(evaluate()).extracting(Finding::kind).doesNotContain(FindingKind.UNUSED_TRUST_PATH,
                FindingKind.UNUSED_PERMISSIONS);
    }

    @Test
    void shouldSplitARolesGrantsIntoUsedUnusedAndNotObservable() {
        inventory.add(role("App", OLD, trusting(ALICE), allow("s3:ListAllMyBuckets", "s3:CreateBucket",
                "s3:GetObject"), null));
        use(call(arnOf("App"), RECENT, "s3:ListAllMyBuckets"), call(arnOf("App"), LONG_AGO, "s3:CreateBucket"));

        assertThat(evaluate(FindingKind.UNUSED_PERMISSIONS)).singleElement().satisfies(f -> {
            assertThat(f.entityType()).isEqualTo("role");
            assertThat(f.actions()).isEqualTo(new ActionUsage(List.of("s3:ListAllMyBuckets"),
                    List.of("s3:CreateBucket"), List.of("s3:GetObject")));
        });
    }

    @Test
    void shouldNotReportPermissionsWhenEveryObservableGrantWasUsed() {
        inventory.add(role("App", OLD, trusting(ALICE), allow("s3:ListAllMyBuckets", "s3:GetObject"), null));
        use(call(arnOf("App"), RECENT, "s3:ListAllMyBuckets"));

        assertThat(evaluate(FindingKind.UNUSED_PERMISSIONS)).isEmpty();
    }

    @Test
    void shouldReportUnusedPermissionsOfAUserIncludingItsGroupsAndManagedPolicies() {
        inventory.add(user("bob", OLD, List.of("ops"), List.of("arn:aws:iam::111122223333:policy/Deploy")));
        inventory.add(InventoryFixtures.managedPolicy("Deploy", allow("lambda:UpdateFunctionCode")));
        inventory.add(new dev.roletrail.schemas.inventory.IamGroup("arn:aws:iam::111122223333:group/ops",
                InventoryFixtures.ACCOUNT, InventoryFixtures.SNAPSHOT, "ops", "AGPA1", "/", OLD, List.of(),
                List.of(new dev.roletrail.schemas.inventory.InlinePolicy("ops", allow("ec2:RebootInstances")))));
        use(call(userArn("bob"), RECENT, "lambda:UpdateFunctionCode"));

        assertThat(evaluate(FindingKind.UNUSED_PERMISSIONS)).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo(userArn("bob"));
            assertThat(f.actions().unused()).containsExactly("ec2:RebootInstances");
        });
    }

    @Test
    void shouldReportARoleAssumedFromManyUnrelatedOrigins() {
        inventory.add(role("Everyone", OLD, trusting("111122223333"), null, null));
        for (int i = 0; i < 5; i++) {
            String user = userArn("user" + i);
            use(assumed(arnOf("Everyone"), RECENT, user, user, "203.0.113.0/24"));
        }
        use(assumed(arnOf("Everyone"), RECENT, "service:ec2.amazonaws.com", "service:ec2.amazonaws.com",
                "ec2.amazonaws.com"));

        assertThat(evaluate(FindingKind.SHARED_ROLE)).singleElement().satisfies(f -> assertThat(f.evidence())
                .singleElement().asString().startsWith("assumed by 5 distinct origins: "));
    }

    @Test
    void shouldNotCallARoleSharedBelowTheThresholdsOrForAwsServices() {
        inventory.add(role("Team", OLD, trusting("111122223333"), null, null));
        for (int i = 0; i < 4; i++) {
            String user = userArn("user" + i);
            use(assumed(arnOf("Team"), RECENT, user, user, "203.0.113.0/24"));
        }
        for (String service : List.of("ec2", "lambda", "ecs-tasks", "glue", "states")) {
            String principal = "service:" + service + ".amazonaws.com";
            use(assumed(arnOf("Team"), RECENT, principal, principal, service + ".amazonaws.com"));
        }

        assertThat(evaluate(FindingKind.SHARED_ROLE)).isEmpty();
    }

    @Test
    void shouldProposeAPolicyPerRoleAndPerAssumerFromObservedActions() {
        inventory.add(role("App", OLD, trusting(ALICE), allow("s3:*"), null));
        inventory.add(role("Idle", OLD, trusting(ALICE), allow("s3:*"), null));
        use(call(arnOf("App"), RECENT, "s3:ListAllMyBuckets"), call(arnOf("App"), RECENT, "s3:CreateBucket"),
                call(arnOf("App"), LONG_AGO, "s3:DeleteBucket"));
        assumers.put(arnOf("App"), List.of(new AssumerActions(arnOf("App"), ALICE,
                Map.of("s3:ListAllMyBuckets", RECENT))));

        List<Finding> policies = evaluate(FindingKind.LEAST_PRIVILEGE_POLICY);

        assertThat(policies).extracting(Finding::entity, Finding::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(arnOf("App"), null),
                org.assertj.core.groups.Tuple.tuple(arnOf("App"), ALICE));
        assertThat(policies.get(0).policy()).contains("[\"s3:CreateBucket\",\"s3:ListAllMyBuckets\"]");
        assertThat(policies.get(1).policy()).contains("[\"s3:ListAllMyBuckets\"]");
        assertThat(policies.get(0).id()).isNotEqualTo(policies.get(1).id());
    }

    @Test
    void shouldProposeAPolicyForEveryRoleUsedInThePeriodEvenOneMissingFromTheInventory() {
        String elsewhere = "arn:aws:iam::777788889999:role/Partner";
        use(call(elsewhere, RECENT, "s3:GetObject"), assumed(elsewhere, RECENT, ALICE, ALICE, "203.0.113.0/24"),
                call(arnOf("Gone"), LONG_AGO, "s3:GetObject"));
        assumers.put(elsewhere, List.of(new AssumerActions(elsewhere, ALICE, Map.of("s3:GetObject", RECENT))));

        List<Finding> policies = evaluate(FindingKind.LEAST_PRIVILEGE_POLICY);

        assertThat(policies).as("the role's and its assumer's; none for a role unused in the period")
                .extracting(Finding::entity, Finding::subject, Finding::account).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(elsewhere, null, "777788889999"),
                        org.assertj.core.groups.Tuple.tuple(elsewhere, ALICE, "777788889999"));
        assertThat(policies.get(0).policy()).contains("[\"s3:GetObject\"]");
        assertThat(evaluate()).as("no other finding without the role's inventory").hasSize(2);
    }

    @Test
    void shouldReportASensitiveRoleUsersMayAssumeWithoutMfaWhateverItsUse() {
        inventory.add(role("BreakGlassAccess", YOUNG, trusting("111122223333"), null, null));
        inventory.add(role("Developer", YOUNG, trusting("111122223333"), null, null));

        assertThat(evaluate()).as("a young, unused role gets no other finding; Developer is not sensitive")
                .singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(FindingKind.MFA_NOT_REQUIRED_FOR_SENSITIVE_ROLE);
                    assertThat(f.entity()).isEqualTo(arnOf("BreakGlassAccess"));
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                });
    }

    @Test
    void shouldReportAUserWithNoConsoleOrKeyActivityInThePeriod() {
        inventory.add(user("carol", OLD, List.of(), List.of()));
        inventory.add(credentials("carol", OLD, LONG_AGO, key(1, true, OLD, LONG_AGO)));

        assertThat(evaluate(FindingKind.INACTIVE_USER)).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo(userArn("carol"));
            assertThat(f.lastUsed()).isEqualTo(LONG_AGO);
            assertThat(f.evidence()).contains("console password enabled, 1 active access keys");
        });
    }

    @Test
    void shouldNotReportAUserActiveInThePeriodOrYoungerThanIt() {
        inventory.add(user("dave", OLD, List.of(), List.of()));
        inventory.add(credentials("dave", OLD, RECENT));
        inventory.add(user("erin", OLD, List.of(), List.of()));
        use(call(userArn("erin"), RECENT, null));
        inventory.add(user("frank", YOUNG, List.of(), List.of()));

        assertThat(evaluate(FindingKind.INACTIVE_USER)).isEmpty();
    }

    @Test
    void shouldReportAnActiveKeyUnusedForTheDormancyPeriod() {
        inventory.add(credentials("gina", OLD, RECENT, key(1, true, OLD, LONG_AGO), key(2, false, OLD, null)));

        assertThat(evaluate(FindingKind.DORMANT_KEY)).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo(userArn("gina") + "#access-key-1");
            assertThat(f.entityType()).isEqualTo("access-key");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
    }

    @Test
    void shouldNotReportAKeySeenInUseByRoleTrailOrTooNewToBeDormant() {
        inventory.add(credentials("hank", OLD, null, key(1, true, OLD, LONG_AGO)));
        use(new UsageSignal(userArn("hank"), RECENT, false, null, "AKIAHANK", null, null, null, null));
        inventory.add(credentials("iris", OLD, null, key(1, true, YOUNG, null)));

        assertThat(evaluate(FindingKind.DORMANT_KEY)).isEmpty();
    }

    @Test
    void shouldReportAnActiveKeyOlderThanTheRotationLimitOnly() {
        inventory.add(credentials("jack", OLD, RECENT, key(1, true, LONG_AGO, RECENT), key(2, true, YOUNG, RECENT),
                key(3, false, OLD, null)));

        assertThat(evaluate(FindingKind.KEY_ROTATION_OVERDUE)).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo(userArn("jack") + "#access-key-1");
            assertThat(f.evidence()).containsExactly("key 1 of jack last rotated " + LONG_AGO.toString().substring(0, 10));
            assertThat(f.lastUsed()).as("a key in use says when it was last used, not never").isEqualTo(RECENT);
        });
    }

    @Test
    void shouldGiveTheSameFindingsWithTheSameIdsForTheSameInput() {
        inventory.add(role("Legacy", OLD, trusting(VENDOR), allow("s3:*"), null));
        inventory.add(credentials("kim", OLD, null, key(1, true, LONG_AGO, null)));

        List<Finding> first = evaluate();

        assertThat(first).hasSize(3);
        assertThat(evaluate()).isEqualTo(first);
    }
}
