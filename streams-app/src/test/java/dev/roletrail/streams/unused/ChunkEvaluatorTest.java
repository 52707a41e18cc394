package dev.roletrail.streams.unused;

import static dev.roletrail.streams.unused.InventoryFixtures.ACCOUNT;
import static dev.roletrail.streams.unused.InventoryFixtures.SNAPSHOT;
import static dev.roletrail.streams.unused.InventoryFixtures.allow;
import static dev.roletrail.streams.unused.InventoryFixtures.credentials;
import static dev.roletrail.streams.unused.InventoryFixtures.key;
import static dev.roletrail.streams.unused.InventoryFixtures.managedPolicy;
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
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.inventory.IamGroup;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.streams.TestStores;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.state.Encoded;
import dev.roletrail.streams.state.StateSerde;
import dev.roletrail.streams.unused.policy.ActionCatalog;

/**
 * Findings evaluated by several tasks, each over the entities it owns and the use routed to it, in chunks, equal one
 * evaluation of the whole inventory over all use: the first pass opens the same findings, and a second pass, after
 * entities left the inventory and others were used, leaves open exactly what a whole evaluation then finds.
 */
class ChunkEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant OLD = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant RECENT = NOW.minus(Duration.ofDays(10));
    private static final String VENDOR = "arn:aws:iam::444455556666:root";
    private static final int CHUNK = 3;
    private static final FindingsSettings SETTINGS = FindingsSettings.from(Settings.of(Map.of(
            "findings.evaluation-chunk", String.valueOf(CHUNK))));

    private final FindingsEvaluator evaluator = new FindingsEvaluator(ActionCatalog.standard());
    private final KeyValueStore<String, InventoryEntity> inventory = TestStores.inMemory("inventory",
            Topics.defaults().inventory().valueSerde());
    /** Counted as the global store's updater counts them: the tasks' remembered evaluations hold until one. */
    private final InventoryChanges inventoryChanges = new InventoryChanges();
    private final List<UsageSignal> signals = new ArrayList<>();

    /** One findings task: its ownership and its own stores. */
    private final class Task {

        final StoreUsage usage = new StoreUsage(new UsageRows(DecodedCache.ofEntries(
                TestStores.inMemory("findings-usage", Serdes.Long()), 100)),
                DecodedCache.ofEntries(TestStores.inMemory("findings-assumer-actions",
                        StateSerde.of(AssumerActions.class)), 100));
        final ChunkEvaluator chunks;
        int calls;
        int skipped;

        Task(Ownership ownership) {
            chunks = new ChunkEvaluator(evaluator, SETTINGS, ownership, inventory, inventoryChanges, usage,
                    TestStores.inMemory("findings-open", Encoded.serde(StateSerde.of(Finding.class))),
                    TestStores.inMemory("findings-identities", Encoded.serde(StateSerde.of(Identity.class))));
        }

        /** A whole pass, chunk by chunk, as the punctuation drives it. */
        List<Finding> pass(Instant at) {
            List<Finding> emitted = new ArrayList<>();
            EvaluationPass pass = new EvaluationPass(at, NOW.minus(Duration.ofDays(120)), at.toEpochMilli(), null);
            while (true) {
                ChunkEvaluator.Result chunk = chunks.next(pass);
                calls++;
                skipped += chunk.skipped();
                assertThat(chunk.evaluated()).as("entities evaluated in one call").isLessThanOrEqualTo(CHUNK);
                chunk.emitted().stream().filter(PassOutput::isFinding).map(PassOutput::finding).forEach(emitted::add);
                if (chunk.passComplete()) {
                    return emitted;
                }
                pass = pass.coveredTo(chunk.coveredTo());
            }
        }
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 4})
    void shouldFindWhatOneEvaluationOfTheWholeInventoryFinds(int partitions) {
        organisation();
        List<Task> tasks = tasks(partitions);
        route(tasks, signals);

        Map<String, Finding> topic = new HashMap<>();
        tasks.forEach(task -> task.pass(NOW).forEach(finding -> topic.put(finding.id(), finding)));

        List<Finding> reference = wholeEvaluation(NOW);
        assertThat(reference).extracting(Finding::kind).as("the organisation raises every kind that reads use")
                .contains(FindingKind.UNUSED_ROLE, FindingKind.UNUSED_TRUST_PATH, FindingKind.UNUSED_PERMISSIONS,
                        FindingKind.LEAST_PRIVILEGE_POLICY, FindingKind.INACTIVE_USER, FindingKind.DORMANT_KEY,
                        FindingKind.KEY_ROTATION_OVERDUE);
        assertThat(topic.values()).containsExactlyInAnyOrderElementsOf(reference);
        assertThat(tasks).allSatisfy(task -> assertThat(task.calls).as("a pass of several chunks").isGreaterThan(1));

        // A day later: entities left the inventory (their findings too), an unused role and a user were used again.
        delete(userArn("u01"));
        delete(userArn("u04") + UserCredentials.KEY_SUFFIX);
        delete(roleArn("r02"));
        List<UsageSignal> later = List.of(
                new UsageSignal(roleArn("r01"), NOW.plusSeconds(60), true, null, null, userArn("u01"), userArn("u01"),
                        "198.51.100.0/24", "aws-cli"),
                new UsageSignal(userArn("u03"), NOW.plusSeconds(60), false, "s3:ListAllMyBuckets", "AKIAU03", null,
                        null, null, null));
        signals.addAll(later);
        route(tasks, later);
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        tasks.forEach(task -> task.pass(tomorrow).forEach(finding -> topic.put(finding.id(), finding)));

        List<Finding> expected = wholeEvaluation(tomorrow);
        assertOpenAsExpected(topic, expected, "a day later");
        assertThat(topic.values()).filteredOn(f -> f.status() == FindingStatus.RESOLVED)
                .as("what the first pass opened and the second no longer finds")
                .extracting(Finding::id).isNotEmpty()
                .doesNotContainAnyElementsOf(expected.stream().map(Finding::id).toList());
    }

    /**
     * Day after day for most of a year, each task remembering what it evaluated: some entities used, now and then the
     * inventory changing, and the tracking period, dormancy and rotation limit passing the organisation's last uses
     * and key dates. After every pass, the open findings equal a whole evaluation's, although most entities were
     * skipped as unchanged.
     */
    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3})
    void shouldSkipOnlyEntitiesWhoseFindingsCannotHaveChanged(int partitions) {
        organisation();
        List<Task> tasks = tasks(partitions);
        route(tasks, signals);
        Map<String, Finding> topic = new HashMap<>();
        Random random = new Random(partitions);
        Set<FindingKind> kindsSeen = new TreeSet<>();
        for (int d = 0; d < 300; d += 1 + random.nextInt(3)) {
            int day = d;
            Instant at = NOW.plus(Duration.ofDays(day));
            List<UsageSignal> uses = new ArrayList<>();
            if (random.nextInt(4) == 0) {
                String user = String.format("u%02d", random.nextInt(12));
                uses.add(new UsageSignal(userArn(user), at.minusSeconds(3600), false, "s3:GetObject", "AKIA" + user,
                        null, null, null, null));
            }
            if (random.nextInt(6) == 0) {
                int r = random.nextInt(9);
                String assumer = userArn(String.format("u%02d", r));
                uses.add(new UsageSignal(roleArn(String.format("r%02d", r)), at.minusSeconds(600), true, null, null,
                        assumer, assumer, "203.0.113.0/24", "aws-cli"));
                uses.add(new UsageSignal(roleArn(String.format("r%02d", r)), at.minusSeconds(500), false,
                        "ec2:DescribeInstances", null, assumer, null, null, null));
            }
            if (day == 150) {
                delete(roleArn("r04"));
                put(user("u20", at.minus(Duration.ofDays(100)), List.of(), List.of()));
            }
            signals.addAll(uses);
            route(tasks, uses);
            tasks.forEach(task -> task.pass(at).forEach(finding -> topic.put(finding.id(), finding)));

            List<Finding> expected = wholeEvaluation(at);
            assertOpenAsExpected(topic, expected, "day " + day);
            expected.forEach(finding -> kindsSeen.add(finding.kind()));
        }
        assertThat(kindsSeen).as("findings that only time opens were among them").contains(FindingKind.UNUSED_ROLE,
                FindingKind.INACTIVE_USER, FindingKind.DORMANT_KEY, FindingKind.KEY_ROTATION_OVERDUE);
        assertThat(tasks.stream().mapToInt(task -> task.skipped).sum()).as("entities skipped as unchanged")
                .isGreaterThan(500);
    }

    /** The findings open on the topic are those expected, each with the same content. */
    private static void assertOpenAsExpected(Map<String, Finding> topic, List<Finding> expected, String when) {
        List<Finding> open = topic.values().stream().filter(f -> f.status() == FindingStatus.OPEN).toList();
        assertThat(open).extracting(Finding::id).as(when)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Finding::id).toList());
        Map<String, Finding> byId = new HashMap<>();
        expected.forEach(finding -> byId.put(finding.id(), finding));
        assertThat(open).allSatisfy(finding -> assertThat(FindingFactory.sameContent(finding,
                byId.get(finding.id()))).as(when + ": " + finding.id()).isTrue());
    }

    private List<Task> tasks(int partitions) {
        List<Task> tasks = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            tasks.add(new Task(new Ownership(partition, partitions)));
        }
        return tasks;
    }

    /** Each use to the task owning its entity, as {@link EntityPartitioner} routes it. */
    private static void route(List<Task> tasks, List<UsageSignal> uses) {
        uses.forEach(signal -> tasks.get(Ownership.partitionOf(signal.entity(), tasks.size())).usage.record(signal));
    }

    private List<Finding> wholeEvaluation(Instant at) {
        List<InventoryEntity> all = new ArrayList<>();
        inventory.all().forEachRemaining(entry -> all.add(entry.value));
        Task everything = new Task(new Ownership(0, 1));
        signals.forEach(everything.usage::record);
        return evaluator.evaluate(InventoryView.of(all), everything.usage,
                new Evaluation(at, SETTINGS, NOW.minus(Duration.ofDays(120))));
    }

    /**
     * Users (a third in a group whose managed policy grants S3 reads), each with a credential row and an old key;
     * roles trusting a user, every fourth also another account; half the users at work with their key, every third
     * role assumed by its user whose session used S3; and roles of another account used but not inventoried.
     */
    private void organisation() {
        put(managedPolicy("ReadOnly", allow("s3:List*", "s3:Get*")));
        put(new IamGroup("arn:aws:iam::" + ACCOUNT + ":group/teams/devs", ACCOUNT, SNAPSHOT, "devs", "AGPAdevs",
                "/teams/", OLD, List.of("arn:aws:iam::" + ACCOUNT + ":policy/ReadOnly"), List.of()));
        for (int i = 0; i < 12; i++) {
            String name = String.format("u%02d", i);
            put(user(name, OLD, i % 3 == 0 ? List.of("devs") : List.of(), List.of()));
            put(credentials(name, OLD, null, key(1, true, OLD, null)));
            if (i % 2 == 0) {
                signals.add(new UsageSignal(userArn(name), RECENT, false, "s3:ListAllMyBuckets", "AKIA" + name, null,
                        null, null, null));
            }
        }
        for (int i = 0; i < 9; i++) {
            String name = String.format("r%02d", i);
            String assumer = userArn(String.format("u%02d", i));
            put(role(name, OLD, i % 4 == 0 ? trusting(assumer, VENDOR) : trusting(assumer),
                    allow("s3:*", "ec2:DescribeInstances"), null));
            if (i % 3 == 0) {
                signals.add(new UsageSignal(roleArn(name), RECENT, true, null, null, assumer, assumer,
                        "203.0.113.0/24", "aws-cli"));
                signals.add(new UsageSignal(roleArn(name), RECENT.plusSeconds(60), false, "s3:CreateBucket", null,
                        assumer, null, null, null));
            }
        }
        for (int i = 0; i < 4; i++) {
            signals.add(new UsageSignal("arn:aws:iam::999988887777:role/Ext" + i, RECENT, false,
                    "ec2:DescribeInstances", null, null, null, null, null));
        }
    }

    private void put(InventoryEntity entity) {
        inventory.put(entity.key(), entity);
        inventoryChanges.changed();
    }

    private void delete(String key) {
        inventory.delete(key);
        inventoryChanges.changed();
    }

    private static String roleArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }
}
