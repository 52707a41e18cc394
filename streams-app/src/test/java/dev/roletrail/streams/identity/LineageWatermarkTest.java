package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.TestStores;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.DueBucketSerde;
import dev.roletrail.streams.time.EndOfInput;
import dev.roletrail.testkit.CloudTrailEvent;

/**
 * The lineage step's watermarks: each task promises how far its own events have gone, and a call held for a session
 * goes on once every task has passed its hold, without waiting for the wall-clock minimum; a silent task leaves it.
 */
class LineageWatermarkTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String JUMP = "arn:aws:iam::111122223333:role/Jump";
    private static final String TARGET = "arn:aws:iam::444455556666:role/Target";
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final long WALL = Instant.parse("2026-11-25T00:00:00Z").toEpochMilli();
    private static final Duration HOLD = Duration.ofMinutes(10);
    private static final Duration HOLD_WALL = Duration.ofSeconds(60);

    private final MockProcessorContext<String, LineageOutput> context = new MockProcessorContext<>();
    private final CloudTrailRecord heldCall = record(CloudTrailEvent.byRoleSession(JUMP, "old")
            .withAccessKey("ASIAOLDSESSION000001").assumeRole(TARGET).at(T0));

    @BeforeEach
    void stores() {
        TestStores.inMemory(StoreNames.HELD_EVENTS, HeldEventsCodec.serde(), context);
        TestStores.inMemory(StoreNames.SESSIONS, SessionCodec.serde(), context);
        TestStores.inMemory(StoreNames.TIMERS, new DueBucketSerde(), context);
        context.setCurrentSystemTimeMs(WALL);
        context.setCurrentStreamTimeMs(T0.toEpochMilli());
    }

    @Test
    void shouldReleaseAHeldCallOnceEveryTaskHasPassedItsHoldWithoutWaitingForTheWallClock() {
        LineageProcessor lineage = start(2, Duration.ZERO);
        event(lineage, heldCall);
        event(lineage, record(CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofMinutes(11)))));
        assertThat(releasedEventIds()).as("its stream-time hold is over, the wall clock's is not").isEmpty();

        watermark(lineage, 0, T0.plus(Duration.ofMinutes(11)));
        assertThat(releasedEventIds()).as("task 1 may still issue its session").isEmpty();
        watermark(lineage, 1, T0.plus(Duration.ofMinutes(9)));
        assertThat(releasedEventIds()).as("task 1 has not passed the hold yet").isEmpty();
        watermark(lineage, 1, T0.plus(HOLD));

        assertThat(releasedEventIds()).containsExactly(heldCall.eventId());
    }

    @Test
    void shouldStillWaitForTheWallClockMinimumWhileATaskHasSentNoWatermark() {
        LineageProcessor lineage = start(3, Duration.ZERO);
        event(lineage, heldCall);
        event(lineage, record(CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofHours(2)))));
        watermark(lineage, 0, T0.plus(Duration.ofHours(2)));
        watermark(lineage, 1, T0.plus(Duration.ofHours(2)));
        assertThat(releasedEventIds()).as("task 2 is silent").isEmpty();

        punctuateWallClock(WALL + HOLD_WALL.toMillis());

        assertThat(releasedEventIds()).containsExactly(heldCall.eventId());
    }

    @Test
    void shouldGiveTheHeldCallsTheSessionThatCameBeforeTheLastWatermark() {
        LineageProcessor lineage = start(2, Duration.ZERO);
        event(lineage, heldCall);
        event(lineage, record(CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofMinutes(11)))));
        watermark(lineage, 0, T0.plus(Duration.ofMinutes(11)));
        Session session = new Session("ASIAOLDSESSION000001", JUMP, ALICE, List.of(ALICE, JUMP), null, "AssumeRole",
                "old", T0.minusSeconds(30), T0.plus(Duration.ofHours(1)), "203.0.113.9", "issuing-event");
        lineage.process(new Record<>(JUMP, LineageInput.session(session), session.issuedAt().toEpochMilli()));
        watermark(lineage, 1, T0.plus(Duration.ofMinutes(11)));

        assertThat(context.forwarded()).map(CapturedForward::record).map(Record::value)
                .filteredOn(output -> output.isObservation()
                        && output.observation().event().eventId().equals(heldCall.eventId()))
                .singleElement()
                .satisfies(output -> assertThat(output.observation().lineage().origin()).isEqualTo(ALICE));
    }

    @Test
    void shouldSendItsOwnEventsTimeToEveryTaskEachMinuteTheyMoveOn() {
        LineageProcessor lineage = start(2, Duration.ZERO);
        event(lineage, record(CloudTrailEvent.byUser(ALICE).at(T0)));
        punctuateWallClock(WALL + 1_000);
        assertThat(watermarksSent()).containsExactly(new LineageWatermark(0, T0.toEpochMilli()));
        assertThat(context.forwarded()).filteredOn(forward -> forward.record().value().watermark() != null)
                .singleElement().satisfies(forward -> {
            assertThat(forward.record().key()).isEqualTo("0");
            assertThat(LineageWatermark.timeIn(forward.record().headers())).contains(T0.toEpochMilli());
        });
        context.resetForwards();

        // A session issued an hour later by a faster task moves stream time, not this task's own events.
        Instant later = T0.plus(Duration.ofHours(1));
        lineage.process(new Record<>(JUMP, LineageInput.session(new Session("ASIAOTHERSESSION0001", JUMP, ALICE,
                List.of(ALICE, JUMP), null, "AssumeRole", "other", later, later.plus(Duration.ofHours(1)),
                "203.0.113.9", "other-event")), later.toEpochMilli()));
        event(lineage, record(CloudTrailEvent.byUser(ALICE).at(T0.plusSeconds(30))));
        punctuateWallClock(WALL + 2_000);
        assertThat(watermarksSent()).as("its events moved on less than a minute").isEmpty();

        event(lineage, record(CloudTrailEvent.byUser(ALICE).at(T0.plusSeconds(61))));
        punctuateWallClock(WALL + 3_000);

        assertThat(watermarksSent()).containsExactly(new LineageWatermark(0, T0.plusSeconds(61).toEpochMilli()));
    }

    @Test
    void shouldSendNoWatermarkWhileItsEventsAreLiveSinceNoHoldCouldEndBeforeTheWallClocksMinimum() {
        LineageProcessor lineage = start(2, Duration.ZERO);
        Instant wall = Instant.ofEpochMilli(WALL);
        event(lineage, record(CloudTrailEvent.byUser(ALICE).at(wall.minus(Duration.ofMinutes(59)))));
        punctuateWallClock(WALL + 1_000);
        assertThat(watermarksSent()).as("within the hour: live, CloudTrail's delivery delay").isEmpty();

        event(lineage, record(CloudTrailEvent.byUser(ALICE).at(wall.minus(Duration.ofMinutes(30)))));
        punctuateWallClock(WALL + 2_000);
        assertThat(watermarksSent()).isEmpty();

        // An hour later its latest event is more than an hour behind the wall clock (a late event moves nothing).
        event(lineage, record(CloudTrailEvent.byUser(ALICE).at(wall.minus(Duration.ofHours(3)))));
        punctuateWallClock(WALL + Duration.ofHours(1).toMillis());

        assertThat(watermarksSent()).containsExactly(
                new LineageWatermark(0, wall.minus(Duration.ofMinutes(30)).toEpochMilli()));
    }

    @Test
    void shouldSendNoWatermarkWhenEverySessionIsIssuedHereOrTheTasksAreNotKnown() {
        for (int partitions : new int[] {0, 1}) {
            LineageProcessor lineage = start(partitions, Duration.ZERO);
            event(lineage, record(CloudTrailEvent.byUser(ALICE).at(T0)));
            punctuateWallClock(WALL + 1_000);
        }

        assertThat(watermarksSent()).isEmpty();
    }

    @Test
    void shouldNotCountWatermarksAsTrafficWhenDecidingTheTaskIsIdle() {
        LineageProcessor lineage = start(2, Duration.ofMinutes(2));
        event(lineage, heldCall);
        context.setCurrentSystemTimeMs(WALL + 100_000);
        watermark(lineage, 1, T0);

        punctuateWallClock(WALL + Duration.ofMinutes(2).toMillis());

        assertThat(releasedEventIds()).as("no event for the idle-release time: nothing is coming")
                .containsExactly(heldCall.eventId());
    }

    @Test
    void shouldReadAWatermarkOnlyFromAPartitionKeyAndATimeHeader() {
        LineageWatermark watermark = new LineageWatermark(3, T0.toEpochMilli());

        assertThat(LineageWatermark.read("3", watermark.headers())).contains(watermark);
        assertThat(LineageWatermark.read("arn:aws:iam::111122223333:role/Jump", watermark.headers())).isEmpty();
        assertThat(LineageWatermark.read("-1", watermark.headers())).isEmpty();
        assertThat(LineageWatermark.read("3", new RecordHeaders()))
                .isEmpty();
        assertThat(LineageWatermark.read("3", new RecordHeaders()
                .add(LineageWatermark.HEADER, "soon".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
    }

    private LineageProcessor start(int inputPartitions, Duration idleRelease) {
        LineageProcessor lineage = new LineageProcessor(HOLD, HOLD_WALL, idleRelease, new EndOfInput(),
                inputPartitions);
        lineage.init(context);
        return lineage;
    }

    private static void event(LineageProcessor lineage, CloudTrailRecord event) {
        lineage.process(new Record<>(event.userIdentity().arn(), LineageInput.event(event),
                event.eventTime().toEpochMilli()));
    }

    private static void watermark(LineageProcessor lineage, int partition, Instant time) {
        LineageWatermark watermark = new LineageWatermark(partition, time.toEpochMilli());
        lineage.process(new Record<>(watermark.key(), LineageInput.watermark(watermark), time.toEpochMilli()));
    }

    private static CloudTrailRecord record(CloudTrailEvent event) {
        return TestObservations.record(event.json());
    }

    /** The held call's id once it went on (the other events go on at once and are not counted). */
    private List<String> releasedEventIds() {
        return context.forwarded().stream().map(captured -> captured.record().value())
                .filter(LineageOutput::isObservation).map(output -> output.observation().event().eventId())
                .filter(heldCall.eventId()::equals).toList();
    }

    private List<LineageWatermark> watermarksSent() {
        return context.forwarded().stream().map(captured -> Optional.ofNullable(captured.record().value().watermark()))
                .flatMap(Optional::stream).toList();
    }

    private void punctuateWallClock(long time) {
        context.setCurrentSystemTimeMs(time);
        for (CapturedPunctuator punctuator : context.scheduledPunctuators()) {
            if (punctuator.getType() == PunctuationType.WALL_CLOCK_TIME) {
                punctuator.getPunctuator().punctuate(time);
            }
        }
    }
}
