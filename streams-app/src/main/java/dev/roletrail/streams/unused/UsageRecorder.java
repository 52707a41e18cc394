package dev.roletrail.streams.unused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.time.EndOfInput;
import dev.roletrail.streams.time.StreamTicks;

/**
 * Forwards each distinct usage signal's first and latest use in each day of event time, so the findings step sees
 * every action, key and assumer used each day, and when each was last used, without seeing every event; a new trait
 * rides in the new use of its entity from the same event ({@link CarriedTraits}). Per signal: one lookup in a table in
 * heap ({@link ForwardedSignals}: the signal's signature, the epoch day it was last forwarded, and the day's latest use
 * if not forwarded yet), bounded by {@code streams.usage-dedupe-entries} per task. The first use goes out at once; the
 * day's latest goes out when stream time enters the next day, before that day's first watermark (and whenever an idle
 * or ended input sends its watermark early). A creation has no latest use, nor has a trait that a use of its entity
 * in the same event times ({@link CarriedTraits#timedByAUse}). Nothing of it is stored: a task that starts (moved,
 * restarted, or revived after a crash) forwards the day's signals again, which the findings step records as before,
 * and the earliest use again, of which it keeps the earliest. A task that moves or crashes loses the latest uses it
 * kept (those seen before the move, or before the last commit), so until a later use of the same item that day an
 * item's last use may read as an earlier call of that day.
 * <p>
 * It also forwards a watermark to every findings task: each gathers the usage of its own entities from every
 * upstream task, and evaluates a day only once every active upstream task has passed it, so a task running ahead
 * cannot make another's use look missing. The watermark is the start of each hour of stream time, sent before the
 * first record in it ({@link StreamTicks}), so where it lands among the signals depends on the records alone; the
 * first record since start sends one too, which announces this task. It also carries the earliest use this task
 * forwarded since it started (the findings step keeps the earliest it was told in its clock), so every findings task
 * knows since when RoleTrail observes, not only since when its own entities were used. When nothing moves stream time
 * any more (the task idle for the idle-release time, or the {@link EndOfInput} signalled), the watermark goes out at
 * once, and after end of input again after any record since the last one (held calls released late), so the findings
 * step sees that every signal before it arrived.
 * Input: observations keyed by principal. Output: {@link UsageSignal}s keyed by entity.
 */
public final class UsageRecorder implements Processor<String, Observation, String, UsageSignal> {

    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final UsageSignals signals;
    private final Duration idleRelease;
    private final EndOfInput endOfInput;
    private final ForwardedSignals forwarded;
    private ProcessorContext<String, UsageSignal> context;
    private long purgedDay = Long.MIN_VALUE;
    /** The day of stream time: its latest uses are kept until stream time leaves it; earlier days' go out at once. */
    private long openDay = Long.MIN_VALUE;
    /** Hourly: watermarks, and the day's signatures kept. The first record since start ticks, announcing this task. */
    private final StreamTicks hourly = new StreamTicks(Duration.ofHours(1));
    /** The stream time of the last watermark forwarded, and whether a record was processed since. */
    private long watermarkSent = Long.MIN_VALUE;
    private boolean processedSinceWatermark;
    private long lastRecordWall;
    /** The earliest event time of a use forwarded since this processor started, or null. */
    private Long observedSince;

    /**
     * @param dedupeEntries signatures remembered at most ({@code streams.usage-dedupe-entries})
     * @param idleRelease   after this much wall-clock time without a record, the watermark goes out; zero: never
     * @param endOfInput    once signalled, the watermark goes out after every record
     */
    public UsageRecorder(UsageSignals signals, int dedupeEntries, Duration idleRelease, EndOfInput endOfInput) {
        this.signals = signals;
        this.forwarded = new ForwardedSignals(dedupeEntries);
        this.idleRelease = idleRelease;
        this.endOfInput = endOfInput;
    }

    @Override
    public void init(ProcessorContext<String, UsageSignal> context) {
        this.context = context;
        // Wall clock: when no record comes, stream time stands still, and only the wall clock can tell.
        this.lastRecordWall = context.currentSystemTimeMs();
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(Record<String, Observation> record) {
        lastRecordWall = context.currentSystemTimeMs();
        if (hourly.advance(record.timestamp())) {
            onStreamTime(hourly.tick());
        }
        processedSinceWatermark = true;
        List<UsageSignal> fresh = new ArrayList<>(4);
        List<UsageSignal> eventSignals = signals.of(record.value());
        for (UsageSignal signal : eventSignals) {
            long day = Math.floorDiv(signal.at().toEpochMilli(), DAY_MS);
            long at = signal.at().toEpochMilli();
            UsageSignal latest = CarriedTraits.timedByAUse(signal, eventSignals) || !signal.isUse() ? null : signal;
            if (forwarded.offer(signal.signatureHash(), day, at, openDay, latest)) {
                noteObserved(at);
                fresh.add(signal);
            }
        }
        for (UsageSignal signal : CarriedTraits.merge(fresh)) {
            context.forward(new Record<>(signal.entity(), signal, record.timestamp()));
        }
        if (forwarded.keepsTooMany()) {
            forwardLatest(forwarded.takeLatest(Long.MAX_VALUE));
        }
    }

    private void noteObserved(long at) {
        if (observedSince == null || at < observedSince) {
            observedSince = at;
        }
    }

    /**
     * The hour's start is a promise about every signal before it: a new day's first hour first sends the latest uses
     * of the days before. Only the day's signatures are needed, so the table is emptied of older days once a day of
     * event time, however fast a backfill moves it.
     */
    private void onStreamTime(long hourStart) {
        long day = Math.floorDiv(hourStart, DAY_MS);
        if (day > openDay) {
            forwardLatest(forwarded.takeLatest(day));
            openDay = day;
        }
        forwardWatermark(hourStart);
        forgetOldDays(hourStart);
    }

    /** Stream time is a promise about every signal before it, however it was reached: safe to send at any time. */
    private void onWallClock(long wall) {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime < 0) {
            return;
        }
        boolean ended = endOfInput.signalled();
        boolean idle = !idleRelease.isZero() && wall - lastRecordWall >= idleRelease.toMillis();
        boolean behind = streamTime > watermarkSent;
        if (ended && (behind || processedSinceWatermark) || idle && behind) {
            forwardLatest(forwarded.takeLatest(Long.MAX_VALUE));
            forwardWatermark(streamTime);
        }
    }

    private void forwardLatest(List<UsageSignal> latest) {
        for (UsageSignal signal : latest) {
            context.forward(new Record<>(signal.entity(), signal, signal.at().toEpochMilli()));
        }
    }

    private void forwardWatermark(long streamTime) {
        watermarkSent = streamTime;
        processedSinceWatermark = false;
        UsageSignal watermark = UsageSignal.watermark(context.taskId().partition(), Instant.ofEpochMilli(streamTime),
                observedSince == null ? null : Instant.ofEpochMilli(observedSince));
        context.forward(new Record<>(watermark.entity(), watermark, streamTime));
    }

    private void forgetOldDays(long streamTime) {
        long day = Math.floorDiv(streamTime, DAY_MS);
        if (day <= purgedDay) {
            return;
        }
        purgedDay = day;
        forwarded.forgetBefore(day - 1); // a day of slack: yesterday's late events still find their signature
    }
}
