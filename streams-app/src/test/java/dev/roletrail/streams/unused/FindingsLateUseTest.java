package dev.roletrail.streams.unused;

import static dev.roletrail.streams.unused.InventoryFixtures.user;
import static dev.roletrail.streams.unused.InventoryFixtures.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.TestStores;
import dev.roletrail.streams.state.Encoded;
import dev.roletrail.streams.state.StateSerde;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.EndOfInput;
import dev.roletrail.streams.unused.policy.ActionCatalog;

/**
 * Use that arrives after its day was evaluated: its entity alone is evaluated again, once 6 hours of stream time or
 * 10 seconds of wall clock have passed since the last such evaluation. Which entities had late use is kept in
 * memory, only a mark in the logged clock store, so a new processor over the state a previous one left must repeat
 * the whole evaluation (TopologyTestDriver wipes state on close, hence a processor-level test on shared stores).
 */
class FindingsLateUseTest {

    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant DAY_3 = Instant.parse("2026-10-04T00:00:00Z");
    private static final Settings SETTINGS = Settings.of(Map.of("findings.tracking-period", "2d"));

    private final MockProcessorContext<String, PassOutput> context = new MockProcessorContext<>();

    @BeforeEach
    void stores() {
        context.setCurrentSystemTimeMs(0);
        TestStores.inMemory(StoreNames.FINDINGS_USAGE, Serdes.Long(), context);
        TestStores.inMemory(StoreNames.FINDINGS_ASSUMER_ACTIONS, StateSerde.of(AssumerActions.class), context);
        TestStores.inMemory(StoreNames.FINDINGS_OPEN, Encoded.serde(StateSerde.of(Finding.class)), context);
        TestStores.inMemory(StoreNames.FINDINGS_IDENTITIES, Encoded.serde(StateSerde.of(Identity.class)), context);
        TestStores.inMemory(StoreNames.FINDINGS_CLOCK, Serdes.Long(), context);
        TestStores.inMemory(StoreNames.FINDINGS_PASS, StateSerde.of(EvaluationPass.class), context);
        TestStores.inMemory(StoreNames.FINDINGS_PENDING, UsageSignalCodec.serde(), context);
        KeyValueStore<String, InventoryEntity> inventory =
                TestStores.inMemory(StoreNames.INVENTORY, Topics.defaults().inventory().valueSerde(), context);
        for (String name : List.of("bob", "carol")) {
            inventory.put(userArn(name), user(name, Instant.parse("2025-01-01T00:00:00Z"), List.of(), List.of()));
        }
    }

    @Test
    void shouldEvaluateOnlyTheLateEntityAgainWhileTheProcessorRemembersIt() {
        FindingsProcessor processor = evaluatedDayThreeThenLateUse();

        processor.process(watermark(DAY_3.plus(Duration.ofHours(9))));

        assertThat(findings()).as("day 3 again, for Bob alone: Carol's use of day 3 counts from day 4 on")
                .extracting(Finding::entity, Finding::status)
                .containsExactly(tuple(userArn("bob"), FindingStatus.RESOLVED));
    }

    @Test
    void shouldEvaluateLateUseAgainOnlySixHoursOfStreamTimeLater() {
        FindingsProcessor processor = bobEvaluatedAgainThenCarolLate();
        processor.process(watermark(DAY_3.plus(Duration.ofHours(12))));
        assertThat(findings()).as("3 hours after Bob's").isEmpty();
        processor.process(watermark(DAY_3.plus(Duration.ofHours(15))));
        assertThat(findings()).as("6 hours after Bob's").extracting(Finding::entity, Finding::status)
                .containsExactly(tuple(userArn("carol"), FindingStatus.RESOLVED));
    }

    @Test
    void shouldEvaluateLateUseAfterTenSecondsOfWallClockWhenNoWatermarkFollows() {
        bobEvaluatedAgainThenCarolLate();
        punctuateAt(FindingsProcessor.LATE_REEVALUATION_WALL_MS - 1);
        assertThat(findings()).as("the input stopped, less than 10 s ago").isEmpty();
        punctuateAt(FindingsProcessor.LATE_REEVALUATION_WALL_MS);
        assertThat(findings()).as("10 s of wall clock after Bob's").extracting(Finding::entity, Finding::status)
                .containsExactly(tuple(userArn("carol"), FindingStatus.RESOLVED));
    }

    @Test
    void shouldRepeatTheWholeEvaluationWhenARestartForgotWhichEntitiesHadLateUse() {
        evaluatedDayThreeThenLateUse();

        FindingsProcessor restarted = processor();
        restarted.process(watermark(DAY_3.plus(Duration.ofHours(9))));

        assertThat(findings()).as("a whole pass of day 3: Bob, and Carol with the use recorded since")
                .extracting(Finding::entity, Finding::status)
                .containsExactlyInAnyOrder(tuple(userArn("bob"), FindingStatus.RESOLVED),
                        tuple(userArn("carol"), FindingStatus.RESOLVED));
    }

    /** Both idle since day 0 on day 3's evaluation; then Carol's use of day 3, and Bob's late use of day 2. */
    private FindingsProcessor evaluatedDayThreeThenLateUse() {
        FindingsProcessor processor = processor();
        processor.process(use("bob", DAY_0));
        processor.process(use("carol", DAY_0));
        for (Instant at = DAY_0; !at.isAfter(DAY_3.plus(Duration.ofHours(3))); at = at.plus(Duration.ofHours(6))) {
            processor.process(watermark(at));
        }
        assertThat(findings()).extracting(Finding::entity, Finding::status).containsExactlyInAnyOrder(
                tuple(userArn("bob"), FindingStatus.OPEN), tuple(userArn("carol"), FindingStatus.OPEN));
        processor.process(use("carol", DAY_3.plus(Duration.ofHours(2))));
        processor.process(use("bob", DAY_3.minus(Duration.ofHours(14))));
        return processor;
    }

    /** Bob's late use evaluated at the next watermark (at wall clock 0); then Carol's late use of day 2. */
    private FindingsProcessor bobEvaluatedAgainThenCarolLate() {
        FindingsProcessor processor = evaluatedDayThreeThenLateUse();
        processor.process(watermark(DAY_3.plus(Duration.ofHours(9))));
        assertThat(findings()).extracting(Finding::entity).containsExactly(userArn("bob"));
        processor.process(use("carol", DAY_3.minus(Duration.ofHours(13))));
        return processor;
    }

    private FindingsProcessor processor() {
        FindingsProcessor processor = new FindingsProcessor(new FindingsEvaluator(ActionCatalog.standard()),
                FindingsSettings.from(SETTINGS), Duration.ofMinutes(10), new EndOfInput(), new InventoryChanges());
        processor.init(context);
        return processor;
    }

    /** The wall-clock punctuation, at {@code wall} ms. */
    private void punctuateAt(long wall) {
        context.setCurrentSystemTimeMs(wall);
        context.scheduledPunctuators().forEach(punctuator -> punctuator.getPunctuator().punctuate(wall));
    }

    /** The findings forwarded since the last call. */
    private List<Finding> findings() {
        List<Finding> findings = context.forwarded().stream().map(forward -> forward.record().value())
                .filter(PassOutput::isFinding).map(PassOutput::finding).toList();
        context.resetForwards();
        return findings;
    }

    private static Record<String, UsageSignal> use(String user, Instant at) {
        UsageSignal signal = new UsageSignal(userArn(user), at, false, "s3:ListAllMyBuckets", null, null, null, null,
                null);
        return new Record<>(signal.entity(), signal, at.toEpochMilli());
    }

    private static Record<String, UsageSignal> watermark(Instant at) {
        UsageSignal signal = UsageSignal.watermark(0, at, DAY_0);
        return new Record<>(signal.entity(), signal, at.toEpochMilli());
    }
}
