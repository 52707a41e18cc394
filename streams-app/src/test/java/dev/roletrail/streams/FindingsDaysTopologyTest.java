package dev.roletrail.streams;

import static dev.roletrail.streams.unused.InventoryFixtures.user;
import static dev.roletrail.streams.unused.InventoryFixtures.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.unused.EvaluationPass;
import dev.roletrail.streams.unused.UsageSignal;
import dev.roletrail.testkit.CloudTrailEvent;

/**
 * A finding's period and resolution day depend on the data alone: the same use, with passes that end before the
 * next day's watermark or that are still running when several more days become due (chunks of one entity, no
 * wall-clock time passing), gives the same findings records. Each day boundary the data crosses is evaluated.
 */
class FindingsDaysTopologyTest {

    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant DAY_3 = Instant.parse("2026-10-04T00:00:00Z");
    private static final int DAYS = 6;
    private static final Map<String, String> SETTINGS = Map.of("findings.tracking-period", "2d",
            "findings.evaluation-chunk", "1");

    @Test
    void shouldGiveTheSameFindingsRecordsWhetherPassesKeepUpWithTheDaysOrNot() {
        List<Finding> keepingUp = run(true);
        List<Finding> fallingBehind = run(false);

        assertThat(keepingUp).as("Carol, created on day 0, is old enough for her finding on day 3")
                .anySatisfy(finding -> assertThat(finding.periodEnd()).isEqualTo(DAY_3));
        assertThat(fallingBehind).as("every day boundary evaluated, whenever its pass runs")
                .containsExactlyElementsOf(keepingUp);
    }

    @Test
    void shouldEvaluateEveryDayAWatermarkJumpsOverBeforeMoreUseIsRecorded() {
        try (TopologyFixture topology = new TopologyFixture(Map.of("findings.tracking-period", "2d"),
                Instant.parse("2027-06-01T00:00:00Z"))) {
            topology.sendInventory(user("alice", Instant.parse("2025-01-01T00:00:00Z"), List.of(), List.of()));
            topology.sendInventory(user("carol", DAY_0.plus(Duration.ofHours(3)), List.of(), List.of()));
            topology.send(CloudTrailEvent.byUser(userArn("alice")).call("s3.amazonaws.com", "ListBuckets").at(DAY_0));
            topology.send(CloudTrailEvent.byUser(userArn("alice")).call("s3.amazonaws.com", "ListBuckets")
                    .at(DAY_0.plus(Duration.ofDays(DAYS))));

            // The watermark of day 6 goes before the day-6 call's use: no pass sees use from after its day, so Alice,
            // idle from day 0 to day 6, is inactive from the third boundary on, as Carol is.
            assertThat(topology.findings()).as("days 1 to 6, each with its own pass, all with the watermark of day 6")
                    .extracting(Finding::entity, Finding::periodEnd, Finding::lastUsed)
                    .containsExactlyInAnyOrder(tuple(userArn("alice"), DAY_3, DAY_0),
                            tuple(userArn("carol"), DAY_3, null));
            assertThat(pass(topology)).isNull();
        }
    }

    @Test
    void shouldNotCountUseOfALaterDayThatAFasterUpstreamTaskSentBeforeTheDayWasDue() {
        List<Finding> inEventTimeOrder = twoUpstreamTasks(Duration.ZERO);
        List<Finding> fastTaskAhead = twoUpstreamTasks(Duration.ofHours(19));

        assertThat(inEventTimeOrder).as("Bob, used on day 0 and 5 hours into day 3, is inactive on days 3 and 6")
                .extracting(Finding::entity, Finding::status, Finding::periodEnd)
                .containsExactly(tuple(userArn("bob"), FindingStatus.OPEN, DAY_3),
                        tuple(userArn("bob"), FindingStatus.RESOLVED, DAY_3.plus(Duration.ofDays(1))),
                        tuple(userArn("bob"), FindingStatus.OPEN, DAY_3.plus(Duration.ofDays(3))));
        assertThat(fastTaskAhead).as("the day-3 use, sent before the slower task passed day 3, waits for its pass")
                .containsExactlyElementsOf(inEventTimeOrder);
    }

    @Test
    void shouldEvaluateAgainAloneAnEntityWhoseUseArrivesAfterItsDayWasEvaluated() {
        try (TopologyFixture topology = new TopologyFixture(Map.of("findings.tracking-period", "2d"),
                Instant.parse("2027-06-01T00:00:00Z"))) {
            for (String name : List.of("bob", "carol")) {
                topology.sendInventory(user(name, Instant.parse("2025-01-01T00:00:00Z"), List.of(), List.of()));
                topology.sendUsageSignal(use(name, DAY_0));
            }
            watermarks(topology, DAY_0, DAY_3.plus(Duration.ofHours(3)));
            assertThat(topology.findings()).as("both idle since day 0").extracting(Finding::entity, Finding::status)
                    .containsExactlyInAnyOrder(tuple(userArn("bob"), FindingStatus.OPEN),
                            tuple(userArn("carol"), FindingStatus.OPEN));

            // Carol's use of day 3 counts from day 4's evaluation on; Bob's of day 2, late, in day 3's already.
            topology.sendUsageSignal(use("carol", DAY_3.plus(Duration.ofHours(2))));
            topology.sendUsageSignal(use("bob", DAY_3.minus(Duration.ofHours(14))));
            watermarks(topology, DAY_3.plus(Duration.ofHours(9)), DAY_3.plus(Duration.ofHours(9)));
            assertThat(topology.findings()).as("day 3 again, for Bob alone")
                    .extracting(Finding::entity, Finding::status, Finding::periodEnd)
                    .containsExactly(tuple(userArn("bob"), FindingStatus.RESOLVED, DAY_3));

            watermarks(topology, DAY_3.plus(Duration.ofHours(15)), DAY_3.plus(Duration.ofHours(27)));
            assertThat(topology.findings()).as("day 4")
                    .extracting(Finding::entity, Finding::status, Finding::periodEnd)
                    .containsExactly(tuple(userArn("carol"), FindingStatus.RESOLVED, DAY_3.plus(Duration.ofDays(1))));
        }
    }

    /** Watermarks of two upstream tasks every 6 hours from {@code from} to {@code to}, each followed by the passes. */
    private static void watermarks(TopologyFixture topology, Instant from, Instant to) {
        for (Instant at = from; !at.isAfter(to); at = at.plus(Duration.ofHours(6))) {
            topology.sendUsageSignal(UsageSignal.watermark(0, at, DAY_0));
            topology.sendUsageSignal(UsageSignal.watermark(1, at, DAY_0));
            finishPasses(topology);
        }
    }

    private static UsageSignal use(String user, Instant at) {
        return new UsageSignal(userArn(user), at, false, "s3:ListAllMyBuckets", null, null, null, null, null);
    }

    /**
     * Two upstream tasks, each sending a watermark every 6 hours from day 0 to day 5; the first also sends Bob's use
     * on day 0 and 5 hours into day 3, {@code ahead} before its event time among the second task's signals (less than
     * a day: a task further behind would be taken as idle).
     */
    private static List<Finding> twoUpstreamTasks(Duration ahead) {
        try (TopologyFixture topology = new TopologyFixture(Map.of("findings.tracking-period", "2d"),
                Instant.parse("2027-06-01T00:00:00Z"))) {
            topology.sendInventory(user("bob", Instant.parse("2025-01-01T00:00:00Z"), List.of(), List.of()));
            List<Map.Entry<Instant, UsageSignal>> sends = new ArrayList<>();
            Instant end = DAY_0.plus(Duration.ofDays(DAYS));
            for (Instant at = DAY_0; at.isBefore(end); at = at.plus(Duration.ofHours(6))) {
                sends.add(Map.entry(at.minus(ahead), UsageSignal.watermark(0, at, DAY_0)));
                sends.add(Map.entry(at, UsageSignal.watermark(1, at, DAY_0)));
            }
            for (Instant at : List.of(DAY_0, DAY_3.plus(Duration.ofHours(5)))) {
                sends.add(Map.entry(at.minus(ahead), use("bob", at)));
            }
            // Stable: at the same time, a task's watermark goes before its use of that hour, as upstream tasks send.
            sends.sort(Map.Entry.comparingByKey());
            sends.forEach(send -> topology.sendUsageSignal(send.getValue()));
            finishPasses(topology);
            return topology.findings().stream().filter(finding -> finding.entity().equals(userArn("bob"))).toList();
        }
    }

    /** Alice's daily use; with {@code keepUp}, each day's pass ends (wall clock) before the next day's event. */
    private static List<Finding> run(boolean keepUp) {
        try (TopologyFixture topology = new TopologyFixture(SETTINGS, Instant.parse("2027-06-01T00:00:00Z"))) {
            topology.sendInventory(user("alice", Instant.parse("2025-01-01T00:00:00Z"), List.of(), List.of()));
            topology.sendInventory(user("carol", DAY_0.plus(Duration.ofHours(3)), List.of(), List.of()));
            topology.sendInventory(user("dave", Instant.parse("2025-01-01T00:00:00Z"), List.of(), List.of()));
            topology.sendInventory(user("erin", Instant.parse("2025-01-01T00:00:00Z"), List.of(), List.of()));
            List<Finding> findings = new ArrayList<>();
            for (int day = 0; day <= DAYS; day++) {
                topology.send(CloudTrailEvent.byUser(userArn("alice")).call("s3.amazonaws.com", "ListBuckets")
                        .at(DAY_0.plus(Duration.ofDays(day))));
                if (keepUp) {
                    finishPasses(topology);
                }
                findings.addAll(topology.findings());
            }
            finishPasses(topology);
            findings.addAll(topology.findings());
            return findings;
        }
    }

    /** Until no pass is in progress and nothing waits for one (a waiting watermark may start the next). */
    private static void finishPasses(TopologyFixture topology) {
        for (int punctuations = 0; pass(topology) != null || waiting(topology); punctuations++) {
            assertThat(punctuations).as("the passes end").isLessThan(1_000);
            topology.driver().advanceWallClockTime(Duration.ofMillis(100));
        }
    }

    /** What came during a pass (keys of digits alone); use of a later day waits for a watermark, not a punctuation. */
    private static boolean waiting(TopologyFixture topology) {
        try (KeyValueIterator<String, UsageSignal> pending = topology.driver()
                .<String, UsageSignal>getKeyValueStore(StoreNames.FINDINGS_PENDING).range("0", "9" + '\uffff')) {
            return pending.hasNext();
        }
    }

    private static EvaluationPass pass(TopologyFixture topology) {
        return topology.driver().<String, EvaluationPass>getKeyValueStore(StoreNames.FINDINGS_PASS).get("pass");
    }
}
