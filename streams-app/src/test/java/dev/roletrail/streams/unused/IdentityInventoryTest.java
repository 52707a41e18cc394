package dev.roletrail.streams.unused;

import static dev.roletrail.streams.unused.InventoryFixtures.credentials;
import static dev.roletrail.streams.unused.InventoryFixtures.key;
import static dev.roletrail.streams.unused.InventoryFixtures.role;
import static dev.roletrail.streams.unused.InventoryFixtures.tagged;
import static dev.roletrail.streams.unused.InventoryFixtures.trusting;
import static dev.roletrail.streams.unused.InventoryFixtures.user;
import static dev.roletrail.streams.unused.InventoryFixtures.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.identity.CredentialKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.schemas.identity.IdentityType;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.streams.nhi.Trait;
import dev.roletrail.streams.unused.policy.ActionCatalog;

/**
 * The identity inventory's views and its three findings (unowned identity, long-lived key used by a workload, shared
 * credential): each fires on its case and stays quiet on the look-alikes.
 */
class IdentityInventoryTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant OLD = Instant.parse("2025-01-01T00:00:00Z");
    /** A Wednesday, two weeks back: its days run to Tuesday the 27th. */
    private static final Instant WEEK = Instant.parse("2026-10-14T00:00:00Z");
    private static final String OFFICE = "198.51.100.0/24";
    private static final String CLOUD = "203.0.113.0/24";
    private static final String BATCH = "arn:aws:iam::111122223333:role/Batch";

    private final FindingsEvaluator evaluator = new FindingsEvaluator(ActionCatalog.standard());
    private final List<InventoryEntity> inventory = new ArrayList<>();
    private final UsageRows usage = UsageRowsTest.inMemory();

    @Test
    void shouldReportAWorkloadRoleWithoutAnOwnerButNotAnOwnedOrAPersonsOne() {
        inventory.add(role("Batch", OLD, trusting(userArn("alice")), null, null));
        inventory.add(tagged(role("Etl", OLD, trusting(userArn("alice")), null, null), Map.of("team", "data")));
        inventory.add(role("Admin", OLD, trusting(userArn("alice")), null, null));
        roundTheClock(BATCH, Trait.SESSION, "boto3", CLOUD);
        roundTheClock("arn:aws:iam::111122223333:role/Etl", Trait.SESSION, "boto3", CLOUD);
        officeHours("arn:aws:iam::111122223333:role/Admin", Trait.SESSION, "console", OFFICE);

        assertThat(evaluate(FindingKind.UNOWNED_IDENTITY)).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo(BATCH);
            assertThat(f.entityType()).isEqualTo("role");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.evidence()).contains("no owner tag, and its creation was not seen in CloudTrail");
            assertThat(f.evidence().get(0)).startsWith("kind workload: its sessions: SDK or tool clients: boto3");
        });
    }

    @Test
    void shouldReportAWorkloadWhoseOwnerIsAnInactiveUser() {
        inventory.add(tagged(role("Batch", OLD, trusting(userArn("alice")), null, null),
                Map.of("owner", "dave@example.com")));
        inventory.add(user("dave", OLD, List.of(), List.of()));
        inventory.add(credentials("dave", OLD, null));
        roundTheClock(BATCH, Trait.SESSION, "boto3", CLOUD);

        assertThat(evaluate(FindingKind.UNOWNED_IDENTITY)).singleElement().satisfies(f -> assertThat(f.evidence())
                .contains("owner dave@example.com (tag:owner): owner " + userArn("dave")
                        + " has not signed in or used a key since 2025-01-01"));
    }

    @Test
    void shouldTakeTheCreatorSeenInTheTrailAsTheOwner() {
        inventory.add(role("Batch", OLD, trusting(userArn("alice")), null, null));
        inventory.add(user("alice", OLD, List.of(), List.of()));
        inventory.add(credentials("alice", OLD, NOW.minus(Duration.ofDays(2))));
        usage.record(UsageSignal.creation(BATCH, WEEK, userArn("alice")));
        roundTheClock(BATCH, Trait.SESSION, "boto3", CLOUD);

        assertThat(evaluate(FindingKind.UNOWNED_IDENTITY)).isEmpty();
        assertThat(view(BATCH)).satisfies(v -> {
            assertThat(v.owner()).isEqualTo(userArn("alice"));
            assertThat(v.ownerSource()).isEqualTo("creator");
        });
    }

    @Test
    void shouldNotReportUnownedIdentitiesWithoutAnInventoryToReadOwnersFrom() {
        roundTheClock(BATCH, Trait.SESSION, "boto3", CLOUD);

        assertThat(evaluate(FindingKind.UNOWNED_IDENTITY)).isEmpty();
        assertThat(view(BATCH).kind()).isEqualTo(IdentityKind.WORKLOAD);
    }

    @Test
    void shouldReportALongLivedKeyAWorkloadUsesWithItsAge() {
        inventory.add(user("etl", OLD, List.of(), List.of()));
        inventory.add(credentials("etl", OLD, null, key(1, true, OLD, NOW.minus(Duration.ofDays(1)))));
        roundTheClock(userArn("etl"), "AKIAETL", "aws-sdk-java", CLOUD);

        assertThat(evaluate(FindingKind.LONG_LIVED_KEY_USED_BY_WORKLOAD)).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo("AKIAETL");
            assertThat(f.entityType()).isEqualTo("access-key");
            assertThat(f.evidence()).contains("key of " + userArn("etl"), "created 2025-01-01, 657 days before its last use");
            assertThat(f.remediation()).contains("instance profile", "OIDC federation");
        });
        assertThat(evaluate(FindingKind.SHARED_CREDENTIAL)).as("a fleet is one workload").isEmpty();
    }

    @Test
    void shouldNotReportAKeyAPersonUsesFromTheOffice() {
        officeHours(userArn("alice"), "AKIAALICE", "aws-cli", OFFICE);

        assertThat(evaluate(FindingKind.LONG_LIVED_KEY_USED_BY_WORKLOAD)).isEmpty();
        assertThat(evaluate(FindingKind.SHARED_CREDENTIAL)).isEmpty();
        assertThat(view("AKIAALICE")).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(IdentityKind.HUMAN);
            assertThat(v.type()).isEqualTo(IdentityType.ACCESS_KEY);
            assertThat(v.parent()).isEqualTo(userArn("alice"));
        });
    }

    @Test
    void shouldReportAKeyUsedByAPersonAndACronJob() {
        officeHours(userArn("ops"), "AKIAOPS", "aws-cli", OFFICE);
        for (int day = 0; day < 7; day++) {
            Instant at = WEEK.plus(Duration.ofDays(day)).plus(Duration.ofHours(3));
            usage.record(UsageSignal.trait(userArn("ops"), at, new Trait("AKIAOPS", "boto3", CLOUD,
                    Trait.spanOf(at)), null));
        }

        assertThat(evaluate(FindingKind.SHARED_CREDENTIAL)).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo("AKIAOPS");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.evidence()).contains("key of " + userArn("ops") + ", kind mixed",
                    "code used at weekends outside its person's working hours (08:00–20:00 UTC)");
        });
        assertThat(evaluate(FindingKind.LONG_LIVED_KEY_USED_BY_WORKLOAD)).isEmpty();
    }

    @Test
    void shouldReportAPersonsKeyUsedFromManyNetworksAtOnceButNotFromFewer() {
        Instant at = WEEK.plus(Duration.ofHours(10));
        for (String network : List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")) {
            usage.record(UsageSignal.trait(userArn("bob"), at, new Trait("AKIABOB", "aws-cli", network,
                    Trait.spanOf(at)), null));
        }

        assertThat(evaluate(FindingKind.SHARED_CREDENTIAL)).isEmpty();

        usage.record(UsageSignal.trait(userArn("bob"), at, new Trait("AKIABOB", "aws-cli", "100.64.1.0/24",
                Trait.spanOf(at)), null));

        assertThat(evaluate(FindingKind.SHARED_CREDENTIAL)).singleElement().satisfies(f -> assertThat(f.evidence())
                .contains("used from 4 networks within a day: 100.64.1.0/24, 192.0.2.0/24, 198.51.100.0/24, "
                        + "203.0.113.0/24"));
    }

    @Test
    void shouldViewTheUserWithItsCredentialsTheRolesItReachedAndTheRolesThatTrustIt() {
        inventory.add(user("alice", OLD, List.of(), List.of()));
        inventory.add(credentials("alice", OLD, NOW.minus(Duration.ofDays(3)),
                key(1, true, OLD, NOW.minus(Duration.ofDays(3)))));
        inventory.add(role("Admin", OLD, trusting(userArn("alice")), null, null));
        inventory.add(role("Audit", OLD, trusting("111122223333"), null, null));
        Instant at = WEEK.plus(Duration.ofHours(10));
        usage.record(UsageSignal.trait(userArn("alice"), at, new Trait("AKIAALICE", "aws-cli", OFFICE,
                Trait.spanOf(at)), "arn:aws:iam::111122223333:role/Admin"));

        assertThat(view(userArn("alice"))).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(IdentityKind.HUMAN);
            assertThat(v.credential()).isEqualTo(CredentialKind.PASSWORD_AND_LONG_LIVED_KEY);
            assertThat(v.created()).isEqualTo(OLD);
            assertThat(v.firstUsed()).isEqualTo(at);
            assertThat(v.lastUsed()).isEqualTo(at);
            assertThat(v.networks()).isEqualTo(1);
            assertThat(v.reachedRoles()).containsExactly("arn:aws:iam::111122223333:role/Admin");
            assertThat(v.reachableRoles()).containsExactly("arn:aws:iam::111122223333:role/Admin",
                    "arn:aws:iam::111122223333:role/Audit");
            assertThat(v.evaluatedAt()).isEqualTo(NOW);
        });
        assertThat(view("arn:aws:iam::111122223333:role/Audit").kind()).isEqualTo(IdentityKind.UNKNOWN);
    }

    @Test
    void shouldViewFederatedSubjectsAndExternalAccountsFromTheirUseAlone() {
        String ci = "web-identity:token.actions.githubusercontent.com/repo:org/app:ref:refs/heads/main";
        Instant at = WEEK.plus(Duration.ofHours(10));
        usage.record(UsageSignal.trait(ci, at, new Trait(Trait.SESSION, "aws-sdk-nodejs", CLOUD, Trait.spanOf(at)),
                "arn:aws:iam::111122223333:role/Deploy"));
        usage.record(UsageSignal.trait("account:999988887777", at, new Trait(Trait.SESSION, "boto3", CLOUD,
                Trait.spanOf(at)), "arn:aws:iam::111122223333:role/Vendor"));

        assertThat(view(ci)).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(IdentityKind.FEDERATED_WORKLOAD);
            assertThat(v.type()).isEqualTo(IdentityType.FEDERATED_SUBJECT);
            assertThat(v.reachedRoles()).containsExactly("arn:aws:iam::111122223333:role/Deploy");
        });
        assertThat(view("account:999988887777")).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(IdentityKind.EXTERNAL);
            assertThat(v.account()).isEqualTo("999988887777");
        });
    }

    @Test
    void shouldViewTheRootFromItsCredentialReportRowOnce() {
        String root = "arn:aws:iam::111122223333:root";
        inventory.add(new UserCredentials(root, "111122223333",
                InventoryFixtures.SNAPSHOT, "<root_account>", OLD, null, NOW.minus(Duration.ofDays(1)), null, true,
                List.of(), List.of()));
        Instant at = WEEK.plus(Duration.ofHours(10));
        usage.record(UsageSignal.trait(root, at, new Trait(Trait.PASSWORD, "mozilla", OFFICE, Trait.spanOf(at)),
                null));

        assertThat(views()).filteredOn(v -> v.id().equals(root)).singleElement()
                .satisfies(v -> {
                    assertThat(v.type()).isEqualTo(IdentityType.ROOT);
                    assertThat(v.kind()).isEqualTo(IdentityKind.HUMAN);
                });
    }

    private void roundTheClock(String entity, String credential, String client, String network) {
        for (int day = 0; day < 7; day++) {
            for (int hour = 1; hour < 24; hour += 4) {
                Instant at = WEEK.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
                usage.record(UsageSignal.trait(entity, at, new Trait(credential, client, network, Trait.spanOf(at)),
                        null));
            }
        }
    }

    private void officeHours(String entity, String credential, String client, String network) {
        for (int day = 0; day < 5; day++) {
            for (int hour : List.of(9, 14)) {
                Instant at = WEEK.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
                usage.record(UsageSignal.trait(entity, at, new Trait(credential, client, network, Trait.spanOf(at)),
                        null));
            }
        }
    }

    private List<Finding> evaluate(FindingKind kind) {
        return evaluator.evaluate(InventoryView.of(inventory), source(), evaluation()).stream()
                .filter(f -> f.kind() == kind).toList();
    }

    /** Every view of the inventory and of the entities used, as a findings pass emits them. */
    private List<Identity> views() {
        InventoryView view = InventoryView.of(inventory);
        List<Identity> all = new ArrayList<>();
        for (InventoryEntity entity : inventory) {
            all.addAll(evaluator.evaluateEntity(entity, view, source(), evaluation()).identities());
        }
        for (String entity : usage.entities()) {
            if (!FindingsEvaluator.inventoried(entity, view)) {
                all.addAll(evaluator.evaluateUninventoried(entity, view, source(), evaluation()).identities());
            }
        }
        return all;
    }

    private Identity view(String id) {
        return views().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    private Evaluation evaluation() {
        return new Evaluation(NOW, FindingsSettings.defaults(), NOW.minus(Duration.ofDays(120)));
    }

    private FindingsEvaluator.UsageSource source() {
        return new FindingsEvaluator.UsageSource() {
            @Override
            public EntityUsage usage(String entity) {
                return usage.read(entity);
            }

            @Override
            public List<AssumerActions> assumers(String role) {
                return List.of();
            }

            @Override
            public List<String> usedEntities() {
                return usage.entities();
            }
        };
    }
}
