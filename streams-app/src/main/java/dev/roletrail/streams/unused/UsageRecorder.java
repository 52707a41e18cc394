package dev.roletrail.streams.unused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.EndOfInput;
import dev.roletrail.streams.time.StreamTicks;
import dev.roletrail.streams.time.WorkReport;

/**
 * Forwards each distinct usage signal's first and latest use in each day of event time, so the findings step sees
 * every action, key and assumer used each day, and when each was last used, without seeing every event; a new trait
 * rides in the new use of its entity from the same event ({@link CarriedTraits}). Per signal: one lookup in a table in
 * heap ({@link ForwardedSignals}: the signal's signature, the epoch day it was last forwarded, and its latest use that
 * day), bounded by {@code streams.usage-dedupe-entries} per task. The first use goes out at once. The day's latest
 * waits in store {@code usage-latest} (key: the day and the signature's hash; written back once a commit, so a
 * signature used many times between two commits costs one changelog record) and goes out when stream time enters
 * the next day, before that day's first watermark (and whenever an idle or ended input sends its watermark early).
 * Stored, it survives a rebalance that moves the task and a crash, as the findings step needs: in heap only, a task
 * that moved lost the day's latest uses it had seen. A creation has no latest use, nor has a trait that a use of its
 * entity in the same event times ({@link CarriedTraits#timedByAUse}). The table is not stored: a task that starts
 * (moved, restarted, or revived after a crash) forwards the day's signals again, which the findings step records as
 * before, and the earliest use again, of which it keeps the earliest; at a signature's first use of a day that its
 * predecessor left a latest for, it reads that latest, so an earlier use seen since (another region's, say) does not
 * replace it.
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
    private static final HexFormat HEX = HexFormat.of();

    private final UsageSignals signals;
    private final Duration idleRelease;
    private final EndOfInput endOfInput;
    private final ForwardedSignals forwarded;
    private ProcessorContext<String, UsageSignal> context;
    private KeyValueStore<String, UsageSignal> latest;
    private long purgedDay = Long.MIN_VALUE;
    /** The day of stream time: its latest uses are kept until stream time leaves it; earlier days' go out at once. */
    private long openDay = Long.MIN_VALUE;
    /** Hourly: watermarks, and the day's signatures kept. The first record since start ticks, announcing this task. */
    private final StreamTicks hourly = new StreamTicks(Duration.ofHours(1));
    /** The stream time of the last watermark forwarded, and whether a record was processed since. */
    private long watermarkSent = Long.MIN_VALUE;
    private boolean processedSinceWatermark;
    private long lastRecordWall;
    /** Whether the store may hold latest uses not yet forwarded (at start: a predecessor may have left some). */
    private boolean latestWaiting = true;
    private final WorkReport work;
    /** The days of the latest uses left in the store by this task's predecessor and not yet forwarded; read once. */
    private Set<Long> inheritedDays;
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
        this.work = new WorkReport(endOfInput);
    }

    @Override
    public void init(ProcessorContext<String, UsageSignal> context) {
        this.context = context;
        this.latest = context.getStateStore(StoreNames.USAGE_LATEST);
        work.start("record-usage " + context.taskId(), latestWaiting);
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
            long at = signal.at().toEpochMilli();
            long day = Math.floorDiv(at, DAY_MS);
            long hash = signal.signatureHash();
            boolean latestMatters = signal.isUse() && !CarriedTraits.timedByAUse(signal, eventSignals);
            switch (forwarded.offer(hash, day, at, latestMatters)) {
                case FORWARD -> {
                    noteObserved(at);
                    fresh.add(signal);
                    if (latestMatters && inheritedDays().contains(day)) {
                        noteInheritedLatest(hash, day);
                    }
                }
                case LATEST -> {
                    if (day < openDay) {
                        fresh.add(signal); // a day whose latest uses went out already: at once
                    } else {
                        latest.put(latestKey(day, hash), signal);
                        latestWaiting = true;
                    }
                }
                case NONE -> {
                }
            }
        }
        for (UsageSignal signal : CarriedTraits.merge(fresh)) {
            context.forward(new Record<>(signal.entity(), signal, record.timestamp()));
        }
        if (endOfInput.signalled()) {
            // A held call released after the end: its use and the watermark that has the findings step count it go
            // in this record's transaction, so a consumer group without lag has no signal left to send.
            forwardLatest(Long.MAX_VALUE);
            forwardWatermark(context.currentStreamTimeMs());
        }
        work.report(latestWaiting);
    }

    /**
     * The days of the latest uses this task's predecessor left in the store (a task moved, or revived after a crash),
     * read once: the table in heap starts empty, and without them a use of such a day earlier than the stored latest
     * would replace it.
     */
    private Set<Long> inheritedDays() {
        if (inheritedDays == null) {
            inheritedDays = new HashSet<>();
            try (KeyValueIterator<String, UsageSignal> all = latest.all()) {
                all.forEachRemaining(entry -> inheritedDays.add((long) HexFormat.fromHexDigits(entry.key, 0, 8)));
            }
        }
        return inheritedDays;
    }

    /** The first use of a signature's day since start: the table learns the latest the predecessor kept, if later. */
    private void noteInheritedLatest(long hash, long day) {
        UsageSignal kept = latest.get(latestKey(day, hash));
        if (kept != null) {
            forwarded.noteLatest(hash, day, kept.at().toEpochMilli());
        }
    }

    /** The day first, in fixed-width hex, so the days before one are a range of keys. */
    private static String latestKey(long day, long hash) {
        return HEX.toHexDigits((int) day) + HEX.toHexDigits(hash);
    }

    /** Forwards, in event time order, the latest uses kept of the days before {@code beforeDay}, and lets them go. */
    private void forwardLatest(long beforeDay) {
        List<KeyValue<String, UsageSignal>> due = new ArrayList<>();
        String to = beforeDay > Integer.MAX_VALUE ? null : HEX.toHexDigits((int) (beforeDay - 1)) + "~";
        try (KeyValueIterator<String, UsageSignal> range = latest.range(null, to)) {
            range.forEachRemaining(due::add);
        }
        due.sort(Comparator.comparing(entry -> entry.value.at()));
        inheritedDays().removeIf(day -> day < beforeDay);
        for (KeyValue<String, UsageSignal> entry : due) {
            latest.delete(entry.key);
            context.forward(new Record<>(entry.value.entity(), entry.value, entry.value.at().toEpochMilli()));
        }
        if (beforeDay == Long.MAX_VALUE) {
            latestWaiting = false;
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
            forwardLatest(day);
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
        if (ended && (behind || processedSinceWatermark || latestWaiting) || idle && behind) {
            forwardLatest(Long.MAX_VALUE);
            forwardWatermark(streamTime);
        }
        work.report(latestWaiting);
    }

    @Override
    public void close() {
        work.close();
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
