package dev.roletrail.streams;

import static dev.roletrail.streams.unused.InventoryFixtures.user;
import static dev.roletrail.streams.unused.InventoryFixtures.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.unused.AssumerActions;
import dev.roletrail.streams.unused.EntityUsage;
import dev.roletrail.streams.unused.Evaluation;
import dev.roletrail.streams.unused.EvaluationPass;
import dev.roletrail.streams.unused.FindingsEvaluator;
import dev.roletrail.streams.unused.FindingsSettings;
import dev.roletrail.streams.unused.InventoryView;
import dev.roletrail.streams.unused.policy.ActionCatalog;
import dev.roletrail.testkit.CloudTrailEvent;

/**
 * A findings evaluation over 100,000 inventory entities never holds one call, and so one transaction, for more than
 * a chunk: the watermark that makes the day due evaluates the first chunk, each wall-clock punctuation the next, and
 * the pass as a whole finds what one evaluation of the whole inventory finds. Each user here is inactive, so each
 * entity evaluated emits exactly one finding: findings per call count the entities evaluated in it.
 */
class FindingsChunksTopologyTest {

    private static final int ENTITIES = 100_000;
    private static final int CHUNK = 1_000;
    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");
    private static final String ALICE = userArn("alice");
    private static final Map<String, String> SETTINGS = Map.of("findings.tracking-period", "7d",
            "findings.evaluation-chunk", String.valueOf(CHUNK));

    private final TopologyFixture topology = new TopologyFixture(SETTINGS, Instant.parse("2027-06-01T00:00:00Z"));

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void shouldEvaluateAHundredThousandEntitiesAChunkPerCall() {
        List<InventoryEntity> inventory = new ArrayList<>();
        inventory.add(user("alice", LONG_AGO, List.of(), List.of()));
        for (int i = 0; i < ENTITIES; i++) {
            inventory.add(user(String.format("user-%06d", i), LONG_AGO, List.of(), List.of()));
        }
        inventory.forEach(topology::sendInventory);
        // Alice's first use, then her next day's, whose watermark passes the first day boundary after it.
        topology.send(CloudTrailEvent.byUser(ALICE).call("s3.amazonaws.com", "ListBuckets").at(DAY_0));
        topology.send(CloudTrailEvent.byUser(ALICE).call("s3.amazonaws.com", "ListBuckets").at(DAY_0.plus(
                Duration.ofDays(1))));

        List<Finding> emitted = new ArrayList<>(topology.findings());
        assertThat(emitted).as("the first chunk, with the watermark that made the day due; Alice, first in key order "
                + "and active, has no finding").hasSize(CHUNK - 1);
        assertThat(pass()).as("the pass in progress, in its logged store").isNotNull()
                .satisfies(pass -> assertThat(pass.after()).isNotNull());
        int punctuations = 0;
        while (pass() != null) {
            topology.driver().advanceWallClockTime(Duration.ofMillis(100));
            punctuations++;
            List<Finding> chunk = topology.findings();
            assertThat(chunk).as("findings of punctuation %d", punctuations).hasSizeLessThanOrEqualTo(CHUNK);
            emitted.addAll(chunk);
            assertThat(punctuations).as("the pass ends").isLessThanOrEqualTo(2 * ENTITIES / CHUNK);
        }

        assertThat(punctuations).isGreaterThanOrEqualTo(ENTITIES / CHUNK - 1);
        assertThat(emitted).hasSize(ENTITIES).containsExactlyInAnyOrderElementsOf(wholeEvaluation(inventory));
    }

    private EvaluationPass pass() {
        return topology.driver().<String, EvaluationPass>getKeyValueStore(StoreNames.FINDINGS_PASS).get("pass");
    }

    /** One evaluation of the whole inventory at the first day boundary after Alice's first use, as before chunks. */
    private static List<Finding> wholeEvaluation(List<InventoryEntity> inventory) {
        Instant at = Instant.parse("2026-10-02T00:00:00Z");
        EntityUsage alice = new EntityUsage(ALICE, DAY_0, Map.of("s3:ListAllMyBuckets", DAY_0), null, null, null,
                null, null);
        FindingsEvaluator.UsageSource usage = new FindingsEvaluator.UsageSource() {
            @Override
            public EntityUsage usage(String entity) {
                return entity.equals(ALICE) ? alice : null;
            }

            @Override
            public List<AssumerActions> assumers(String role) {
                return List.of();
            }

            @Override
            public List<String> usedEntities() {
                return List.of(ALICE);
            }
        };
        return new FindingsEvaluator(ActionCatalog.standard()).evaluate(InventoryView.of(inventory), usage,
                new Evaluation(at, FindingsSettings.from(Settings.of(SETTINGS)), DAY_0));
    }
}
