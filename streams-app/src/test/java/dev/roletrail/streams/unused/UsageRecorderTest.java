package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.TestStores;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.EndOfInput;
import dev.roletrail.streams.unused.policy.CloudTrailActionMapper;
import dev.roletrail.testkit.CloudTrailEvent;

/**
 * The usage recorder forwards each signal's first use of a day at once and its latest use of the day before the next
 * day's first watermark, so the findings step knows when each item was last used, not only that it was used that
 * day; an input that ends (or falls idle) sends the open day's latest before its early watermark.
 */
class UsageRecorderTest {

    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SVC = "arn:aws:iam::111122223333:user/svc-batch";
    private static final Instant DAY = Instant.parse("2026-09-22T00:00:00Z");

    private final MockProcessorContext<String, UsageSignal> context = new MockProcessorContext<>();
    private final EndOfInput endOfInput = new EndOfInput();
    private final UsageRecorder recorder = new UsageRecorder(new UsageSignals(new CloudTrailActionMapper()), 1_000,
            Duration.ZERO, endOfInput);

    @BeforeEach
    void start() {
        context.setCurrentSystemTimeMs(0);
        context.setCurrentStreamTimeMs(-1);
        TestStores.inMemory(StoreNames.USAGE_LATEST, UsageSignalCodec.serde(), context);
        recorder.init(context);
    }

    @Test
    void shouldForwardTheDaysLatestUseOfAKeyBeforeTheNextDaysFirstWatermark() {
        send(call(DAY.plus(Duration.ofHours(9))));
        send(call(DAY.plus(Duration.ofHours(20))));
        send(call(DAY.plus(Duration.ofHours(23)).plusSeconds(844)));
        assertThat(keyUses()).as("the day's first use only, while the day lasts")
                .containsExactly(DAY.plus(Duration.ofHours(9)));
        context.resetForwards();

        send(call(DAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))));

        List<CapturedForward<? extends String, ? extends UsageSignal>> out = context.forwarded();
        assertThat(keyUses()).as("the day's latest, then the next day's first")
                .containsExactly(DAY.plus(Duration.ofHours(23)).plusSeconds(844), DAY.plus(Duration.ofHours(25)));
        int latest = indexOf(out, DAY.plus(Duration.ofHours(23)).plusSeconds(844));
        int watermark = indexOfWatermark(out, DAY.plus(Duration.ofHours(25)));
        assertThat(latest).as("before the watermark that lets the findings step evaluate the day")
                .isNotNegative().isLessThan(watermark);
        assertThat(out.get(latest).record().timestamp())
                .isEqualTo(DAY.plus(Duration.ofHours(23)).plusSeconds(844).toEpochMilli());
        assertThat(out.subList(0, watermark)).as("the user's own traits count by their day: no latest of them")
                .noneMatch(f -> f.record().value().trait() != null && f.record().value().accessKeyId() == null);
    }

    @Test
    void shouldForwardTheOpenDaysLatestUseBeforeTheWatermarkAtTheEndOfInput() {
        send(call(DAY.plus(Duration.ofHours(9))));
        send(call(DAY.plus(Duration.ofHours(21))));
        context.resetForwards();
        punctuate();
        assertThat(context.forwarded()).as("the input has not ended").isEmpty();

        endOfInput.signal();
        punctuate();

        List<CapturedForward<? extends String, ? extends UsageSignal>> out = context.forwarded();
        assertThat(keyUses()).containsExactly(DAY.plus(Duration.ofHours(21)));
        assertThat(indexOf(out, DAY.plus(Duration.ofHours(21))))
                .isLessThan(indexOfWatermark(out, DAY.plus(Duration.ofHours(21))));
        context.resetForwards();

        send(call(DAY.plus(Duration.ofHours(22)))); // a held call released after the end
        punctuate();
        assertThat(keyUses()).as("a later use after the end goes out with the next watermark")
                .containsExactly(DAY.plus(Duration.ofHours(22)));
    }

    @Test
    void shouldSendAUseAfterTheEndWithTheWatermarkAtOnceAndSaySoWhenNothingWaits() {
        send(call(DAY.plus(Duration.ofHours(9))));
        send(call(DAY.plus(Duration.ofHours(21))));
        endOfInput.signal();
        assertThat(endOfInput.settled()).as("the day's latest use waits").isFalse();
        punctuate();
        assertThat(endOfInput.settled()).isTrue();
        context.resetForwards();

        send(call(DAY.plus(Duration.ofHours(22)))); // a held call released after the end

        List<CapturedForward<? extends String, ? extends UsageSignal>> out = context.forwarded();
        assertThat(keyUses()).as("at once, not at the next wall-clock check").containsExactly(
                DAY.plus(Duration.ofHours(22)));
        assertThat(out.get(out.size() - 1).record().value().marksTime()).as("a watermark follows it").isTrue();
        assertThat(indexOf(out, DAY.plus(Duration.ofHours(22)))).isLessThan(out.size() - 1);
        assertThat(endOfInput.settled()).isTrue();
    }

    @Test
    void shouldLeaveNothingBehindForTheEndOfInputOnceItsTaskClosedHere() {
        send(call(DAY.plus(Duration.ofHours(9))));
        send(call(DAY.plus(Duration.ofHours(21))));
        endOfInput.signal();
        assertThat(endOfInput.settled()).isFalse();

        recorder.close(); // the task moved to another instance, with its latest use in the store

        assertThat(endOfInput.settled()).isTrue();
    }

    @Test
    void shouldForwardTheLatestUseSeenByTheTaskBeforeItMovedToAnotherInstance() {
        send(call(DAY.plus(Duration.ofHours(9))));
        send(call(DAY.plus(Duration.ofHours(21))));
        context.resetForwards();

        UsageRecorder moved = moved();
        send(moved, call(DAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))));

        assertThat(keyUses()).as("the day's latest, seen before the move, then the next day's first")
                .containsExactly(DAY.plus(Duration.ofHours(21)), DAY.plus(Duration.ofHours(25)));
    }

    @Test
    void shouldKeepThePredecessorsLatestUseWhenTheMovedTaskSeesEarlierUsesOfTheSameDay() {
        // ScaleOutKillIT: one instance saw a region's 18:38 deploy; the task moved, and the new owner read the other
        // region's records of the same day, 07:42 and 12:28, whose 12:28 replaced the stored 18:38.
        send(call(DAY.plus(Duration.ofHours(9))));
        send(call(DAY.plus(Duration.ofHours(18))));
        context.resetForwards();

        UsageRecorder moved = moved();
        send(moved, call(DAY.plus(Duration.ofHours(7))));
        send(moved, call(DAY.plus(Duration.ofHours(12))));
        send(moved, call(DAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))));

        assertThat(keyUses()).as("the new owner's first use of the day, the day's latest of both, the next day's first")
                .containsExactly(DAY.plus(Duration.ofHours(7)), DAY.plus(Duration.ofHours(18)),
                        DAY.plus(Duration.ofHours(25)));
    }

    @Test
    void shouldNotForwardAUseNoLaterThanTheDaysLatest() {
        send(call(DAY.plus(Duration.ofHours(9))));
        send(call(DAY.plus(Duration.ofHours(8))));
        send(call(DAY.plus(Duration.ofHours(9))));
        context.resetForwards();

        send(call(DAY.plus(Duration.ofDays(1))));

        assertThat(keyUses()).as("nothing after 09:00 on the first day").containsExactly(DAY.plus(Duration.ofDays(1)));
    }

    private static Observation call(Instant at) {
        return TestObservations.of(CloudTrailEvent.byUser(SVC).withAccessKey(KEY).at(at));
    }

    /** The task moves (a rebalance) or is revived after a crash: a new processor over the state committed. */
    private UsageRecorder moved() {
        UsageRecorder moved = new UsageRecorder(new UsageSignals(new CloudTrailActionMapper()), 1_000, Duration.ZERO,
                endOfInput);
        moved.init(context);
        return moved;
    }

    private void send(Observation observation) {
        send(recorder, observation);
    }

    private void send(UsageRecorder to, Observation observation) {
        long at = observation.event().eventTime().toEpochMilli();
        context.setCurrentStreamTimeMs(Math.max(context.currentStreamTimeMs(), at));
        to.process(new Record<>(SVC, observation, at));
    }

    private void punctuate() {
        for (CapturedPunctuator punctuator : context.scheduledPunctuators()) {
            punctuator.getPunctuator().punctuate(context.currentSystemTimeMs());
        }
    }

    /** When the forwarded signals say the key was used, in the order they went out. */
    private List<Instant> keyUses() {
        return context.forwarded().stream().map(f -> f.record().value())
                .filter(s -> !s.marksTime() && KEY.equals(s.accessKeyId())).map(UsageSignal::at).toList();
    }

    private static int indexOf(List<CapturedForward<? extends String, ? extends UsageSignal>> out, Instant at) {
        for (int i = 0; i < out.size(); i++) {
            UsageSignal signal = out.get(i).record().value();
            if (!signal.marksTime() && KEY.equals(signal.accessKeyId()) && signal.at().equals(at)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfWatermark(List<CapturedForward<? extends String, ? extends UsageSignal>> out,
            Instant at) {
        for (int i = 0; i < out.size(); i++) {
            UsageSignal signal = out.get(i).record().value();
            if (signal.marksTime() && signal.at().equals(at)) {
                return i;
            }
        }
        return -1;
    }
}
