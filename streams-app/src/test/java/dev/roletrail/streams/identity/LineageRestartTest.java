package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
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
 * A restart while events wait only for the wall-clock hold. Which keys wait so is kept in memory, so a new processor
 * must find them again in the held store (TopologyTestDriver wipes state on close, hence a processor-level test with
 * the state a previous instance left behind).
 */
class LineageRestartTest {

    private static final String JUMP = "arn:aws:iam::111122223333:role/Jump";
    private static final String TARGET = "arn:aws:iam::444455556666:role/Target";
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final long WALL = Instant.parse("2026-11-25T00:00:00Z").toEpochMilli();
    private static final Duration HOLD = Duration.ofMinutes(10);
    private static final Duration HOLD_WALL = Duration.ofSeconds(60);

    private final MockProcessorContext<String, LineageOutput> context = new MockProcessorContext<>();
    private final CloudTrailRecord heldCall = TestObservations.record(CloudTrailEvent.byRoleSession(JUMP, "old")
            .withAccessKey("ASIAOLDSESSION000001").assumeRole(TARGET).at(T0).json());

    @BeforeEach
    void leaveStateOfAPreviousInstance() {
        KeyValueStore<String, HeldEvents> held =
                TestStores.inMemory(StoreNames.HELD_EVENTS, HeldEventsCodec.serde(), context);
        TestStores.inMemory(StoreNames.SESSIONS, SessionCodec.serde(), context);
        TestStores.inMemory(StoreNames.TIMERS, new DueBucketSerde(), context);
        // Its stream-time hold is over: the previous instance had taken it off the due index to wait for the wall.
        held.put("ASIAOLDSESSION000001", HeldEvents.hold(heldCall, T0.plus(HOLD)));
        context.setCurrentSystemTimeMs(WALL);
        context.setCurrentStreamTimeMs(T0.plus(Duration.ofMinutes(11)).toEpochMilli());
    }

    @Test
    void shouldReleaseOnTheWallClockAloneWhenNoNewRecordMovesStreamTime() {
        new LineageProcessor(HOLD, HOLD_WALL, Duration.ZERO, new EndOfInput(), 0).init(context);

        punctuateWallClock(WALL + 30_000);
        assertThat(context.forwarded()).as("the wall-clock minimum counts from the restart").isEmpty();
        punctuateWallClock(WALL + HOLD_WALL.toMillis());

        assertThat(releasedEventIds()).containsExactly(heldCall.eventId());
    }

    @Test
    void shouldReleaseOnceAfterAStreamTimeCheckFoundItToo() {
        LineageProcessor lineage = new LineageProcessor(HOLD, HOLD_WALL, Duration.ZERO, new EndOfInput(), 0);
        lineage.init(context);

        // A record moves stream time, and the stream-time check runs before it: a session of another key.
        Instant later = T0.plus(Duration.ofMinutes(12));
        lineage.process(new Record<>(JUMP, LineageInput.session(new Session("ASIAOTHERSESSION0001", JUMP,
                "arn:aws:iam::111122223333:user/alice", List.of(), null, "AssumeRole", "other", later,
                later.plus(Duration.ofHours(1)), "203.0.113.9", "other-event")), later.toEpochMilli()));
        punctuateWallClock(WALL + HOLD_WALL.toMillis());
        punctuateWallClock(WALL + HOLD_WALL.toMillis() + 1_000);

        assertThat(releasedEventIds()).containsExactly(heldCall.eventId());
    }

    @Test
    void shouldReleaseAtOnceAtTheEndOfInputWithoutWaitingForTheWallClockMinimumAgain() {
        EndOfInput endOfInput = new EndOfInput();
        new LineageProcessor(HOLD, HOLD_WALL, Duration.ZERO, endOfInput, 0).init(context);
        endOfInput.signal();

        punctuateWallClock(WALL + 1_000);

        assertThat(releasedEventIds()).as("no session can come any more").containsExactly(heldCall.eventId());
    }

    private List<String> releasedEventIds() {
        return context.forwarded().stream().map(captured -> captured.record().value())
                .filter(LineageOutput::isObservation).map(output -> output.observation().event().eventId()).toList();
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
