package dev.roletrail.streams.unused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.state.Encoded;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.EndOfInput;
import dev.roletrail.streams.time.WorkReport;

/**
 * Records observed use of the entities this task owns and, once a day of stream time, evaluates their findings
 * against the inventory. Emits a finding when it opens or its content changes, and the RESOLVED state of an open
 * finding that no longer holds (the access was used again, or the entity left the inventory).
 * <p>
 * Partitioned by entity: {@code usage-signals} routes each use to the task owning its entity ({@link Ownership}), and
 * each task evaluates the inventory's roles, users and credential rows it owns, plus the roles used here but missing
 * from the inventory. Every finding reads only its own entity's use (a role's assumers are recorded under the role),
 * so the tasks together produce what one task over all use would.
 * <p>
 * Event time, not wall clock: a replay or a backfill evaluates at the same day boundaries as the live run did. Usage
 * comes from every upstream task, each at its own pace, so this task's own stream time would let the fastest decide.
 * Instead each upstream task sends every findings task watermarks (each hour of its stream time, sent by the records
 * themselves, and the earliest use it forwarded), and a day is evaluated once the slowest active upstream task has
 * passed its start by the grace (events wait that long for their session). A task whose watermark lags the newest by
 * more than a day is taken as idle (no input), so it cannot stall evaluation forever. A backfill racing through months
 * evaluates once per day of data, never per record: every day boundary the data crosses, in order, however far the
 * watermarks jump at once, so which days are evaluated (a finding's period, the day it resolves) depends on the data
 * and not on how far a backlog, a restart or a long pass let the watermarks run ahead.
 * <p>
 * An evaluation is a pass over the owned entities in chunks ({@link ChunkEvaluator}, at most
 * {@code findings.evaluation-chunk} entities per call, in one chunk or the passes of several days): the first chunk
 * with the watermark that starts it, the rest with later watermarks and from a wall-clock punctuation every
 * {@value #CHUNK_INTERVAL_MS} ms, well inside a commit interval. The pass and its cursor are in the logged store
 * {@code findings-pass}, so a task that fails mid-pass resumes it. What comes in during a pass (use and watermarks)
 * waits in {@link PendingSignals} and is taken in order when it ends: each pass reads the use recorded when it began,
 * as if it had run at once, so where its chunks fall among the records does not matter. The days that become due
 * meanwhile are evaluated then, a pass each. Use dated at or after the next day boundary to evaluate waits there too,
 * until that day's pass is over: a day's evaluation judges the tracking period that ends at its start, and the use a
 * faster upstream task sent of later days would otherwise count in it or not depending on which task ran ahead.
 * <p>
 * An upstream task that has not yet sent anything cannot be waited for (nothing says it exists), so at start, or
 * after a rebalance, one task's backlog can be evaluated before another's. Use from before an evaluation that arrives
 * after it therefore marks its entity to be evaluated again at that evaluation's day and alone (no other entity's
 * inputs changed), once 6 hours of stream time or 10 seconds of wall clock passed since the last such evaluation; an
 * earliest observed use that moves back repeats the whole evaluation. Findings converge to what the full data says.
 * <p>
 * Once the {@link EndOfInput} is signalled, no later day will pass: every watermark then also evaluates through the end
 * of the data, the day boundary after the newest watermark, when that is past the last evaluation or use arrived since
 * (upstream tasks send a watermark after their last records). Only then: in a live deployment, evaluating a day
 * before it is over would open findings that the rest of the day resolves again.
 * <p>
 * Input: {@link UsageSignal}s keyed by entity. Output: {@link PassOutput}s: {@link Finding}s keyed by finding id,
 * and the identity inventory's views keyed by identity id.
 */
public final class FindingsProcessor implements Processor<String, UsageSignal, String, PassOutput> {

    static final String OBSERVED_SINCE = "observed-since";
    static final String EVALUATED_DAY = "evaluated-day";
    /**
     * Set when the earliest observed use moves back to before the last evaluation: the coverage of the tracking period
     * changed for every entity, so that evaluation is repeated in a whole pass.
     */
    static final String LATE_USE = "late-use";
    /**
     * Set when use from before the last evaluation arrives after it: the entities it came for ({@link #lateEntities},
     * in memory) are evaluated again, alone ({@link ChunkEvaluator#reevaluate}); if they are not known (the task
     * started since), the whole evaluation is repeated.
     */
    static final String LATE_ENTITY_USE = "late-entity-use";
    /** Followed by the upstream partition; the range [WATERMARK, WATERMARK_END) holds them all. */
    static final String WATERMARK = "watermark:";
    private static final String WATERMARK_END = "watermark;";
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    /** Usage rows are small, one item each: this many are kept decoded per configured decoded entry. */
    private static final long ROWS_PER_ENTRY = 40;
    /** The one row of {@code findings-pass}. */
    private static final String PASS = "pass";
    static final long CHUNK_INTERVAL_MS = 100;
    /** How often late use is evaluated, in stream time: a finding it changes is corrected within this long. */
    private static final long LATE_REEVALUATION_INTERVAL_MS = Duration.ofHours(6).toMillis();
    /**
     * Or this much wall-clock time, whichever comes first: once the input stops, stream time stops too, and the last
     * late use (a held call released by wall clock) would otherwise wait for traffic that may never come.
     */
    static final long LATE_REEVALUATION_WALL_MS = Duration.ofSeconds(10).toMillis();

    private final FindingsEvaluator evaluator;
    private final FindingsSettings settings;
    private final Duration grace;
    private final EndOfInput endOfInput;
    private final InventoryChanges inventoryChanges;
    private final WorkReport workReport;
    /** Whether use arrived since the last evaluation at the end of input (memory only: after a start, assume so). */
    private boolean usedSinceEndEvaluation = true;
    private ProcessorContext<String, PassOutput> context;
    private StoreUsage usage;
    private KeyValueStore<String, Encoded<Finding>> open;
    private KeyValueStore<String, Long> clock;
    /**
     * Each upstream partition's latest watermark, as the clock store holds it (key {@link #WATERMARK} and the
     * partition), read from it once at start. Every watermark looks at them all: from here, not by a range over the
     * store each time, which also wrote the store's changed rows back each time while ranges still did (a changelog
     * record per watermark instead of a row per commit).
     */
    private final Map<String, Long> watermarks = new HashMap<>();
    private KeyValueStore<String, InventoryEntity> inventory;
    private KeyValueStore<String, EvaluationPass> pass;
    private PendingSignals pending;
    private PendingSignals afterNextDay;
    /**
     * The entities whose late use {@link #LATE_ENTITY_USE} marks, in memory: a row each in the logged clock store would
     * cost two changelog records per late use (put, then tombstone), which a backfill sends every few minutes of stream
     * time; only the mark is logged.
     */
    private final Set<String> lateEntities = new TreeSet<>();
    /** The slowest active watermark at the last evaluation of late use (memory only: after a start, at once). */
    private long lateEvaluatedAt = Long.MIN_VALUE / 2;
    /** The wall-clock time of the last evaluation of late use (memory only). */
    private long lateEvaluatedWall = Long.MIN_VALUE / 2;
    private ChunkEvaluator chunks;

    /**
     * @param grace      how long after a day ends, in every upstream task's event time, the day is evaluated
     * @param endOfInput once signalled, evaluations reach the end of the data
     * @param inventoryChanges counted by the global inventory store's updater
     */
    public FindingsProcessor(FindingsEvaluator evaluator, FindingsSettings settings, Duration grace,
            EndOfInput endOfInput, InventoryChanges inventoryChanges) {
        this.evaluator = evaluator;
        this.settings = settings;
        this.grace = grace;
        this.endOfInput = endOfInput;
        this.inventoryChanges = inventoryChanges;
        this.workReport = new WorkReport(endOfInput);
    }

    @Override
    public void init(ProcessorContext<String, PassOutput> context) {
        this.context = context;
        // Every usage signal reads and writes a few usage rows and maybe an assumer's actions: they stay decoded.
        long rows = DecodedCache.entries(context) * ROWS_PER_ENTRY;
        this.usage = new StoreUsage(
                new UsageRows(new DecodedCache<>(context.getStateStore(StoreNames.FINDINGS_USAGE), rows, row -> 1)),
                DecodedCache.of(context, StoreNames.FINDINGS_ASSUMER_ACTIONS));
        this.open = context.getStateStore(StoreNames.FINDINGS_OPEN);
        this.clock = context.getStateStore(StoreNames.FINDINGS_CLOCK);
        watermarks.clear();
        try (KeyValueIterator<String, Long> all = clock.range(WATERMARK, WATERMARK_END)) {
            all.forEachRemaining(entry -> watermarks.put(entry.key, entry.value));
        }
        this.inventory = context.getStateStore(StoreNames.INVENTORY);
        this.pass = context.getStateStore(StoreNames.FINDINGS_PASS);
        this.pending = new PendingSignals(context.getStateStore(StoreNames.FINDINGS_PENDING),
                PendingSignals.DURING_PASS);
        this.afterNextDay = new PendingSignals(context.getStateStore(StoreNames.FINDINGS_PENDING),
                PendingSignals.AFTER_NEXT_DAY);
        Ownership ownership = new Ownership(context.taskId().partition(), settings.partitionsOrOne());
        this.chunks = new ChunkEvaluator(evaluator, settings, ownership, inventory, inventoryChanges, usage, open,
                context.getStateStore(StoreNames.FINDINGS_IDENTITIES));
        // Wall clock: a pass must go on while no record comes, and stream time would move in bursts.
        context.schedule(Duration.ofMillis(CHUNK_INTERVAL_MS), PunctuationType.WALL_CLOCK_TIME, wall -> {
            work();
            lateUseWhileIdle();
            reportWork();
        });
        workReport.start("evaluate-findings " + context.taskId(), true);
        reportWork();
    }

    /** A pass in progress, or signals waiting: findings still to come, though every record may be consumed. */
    private void reportWork() {
        workReport.report(pass.get(PASS) != null || !pending.isEmpty() || !afterNextDay.isEmpty());
    }

    @Override
    public void close() {
        workReport.close();
    }

    @Override
    public void process(Record<String, UsageSignal> record) {
        UsageSignal signal = record.value();
        if (pass.get(PASS) != null || !pending.isEmpty()) {
            pending.add(signal); // the pass reads the use recorded when it began: this comes after it, in order
        } else {
            handle(signal);
        }
        if (signal.marksTime()) {
            work(); // a chunk of the pass in progress, maybe one this watermark started: passes move with the data too
        }
        reportWork();
    }

    /** Records a use, or notes a watermark and starts the evaluation it makes due. */
    private void handle(UsageSignal signal) {
        if (signal.marksTime()) {
            if (signal.observedSince() != null) {
                observedSince(signal.observedSince().toEpochMilli());
            }
            String key = WATERMARK + signal.upstreamPartition();
            Long before = watermarks.get(key);
            if (before == null || before < signal.at().toEpochMilli()) {
                clock.put(key, signal.at().toEpochMilli());
                watermarks.put(key, signal.at().toEpochMilli());
                if (!endOfInput.signalled()) {
                    maybeEvaluate();
                }
            }
            if (endOfInput.signalled()) {
                maybeEvaluateEnd(); // at or after the day maybeEvaluate would take: once is enough
            }
            return;
        }
        if (afterNextDay(signal)) {
            afterNextDay.add(signal);
            return;
        }
        usedSinceEndEvaluation = true;
        observedSince(signal.at().toEpochMilli());
        Long evaluated = clock.get(EVALUATED_DAY);
        if (evaluated != null && signal.at().toEpochMilli() < evaluated * DAY_MS) {
            if (clock.get(LATE_ENTITY_USE) == null) {
                clock.put(LATE_ENTITY_USE, signal.at().toEpochMilli());
            }
            lateEntities.add(signal.entity());
        }
        usage.record(signal);
    }

    /**
     * Whether the use is dated at or after the next day boundary to evaluate: it waits for that day's pass, which
     * judges the tracking period that ends at the day's start. A day is evaluated once the slowest upstream task has
     * passed it, so faster ones have sent later use by then; counted at once, that use would sway the evaluation
     * according to which task ran ahead.
     */
    private boolean afterNextDay(UsageSignal signal) {
        long at = signal.at().toEpochMilli();
        Long since = clock.get(OBSERVED_SINCE);
        return at >= nextDay(clock.get(EVALUATED_DAY), since == null ? at : Math.min(since, at)) * DAY_MS;
    }

    /** Once a day's pass is over: the use that waited for it is recorded, or waits for the next day's. */
    private void recordUseAfterPass() {
        for (long waiting = afterNextDay.size(); waiting > 0; waiting--) {
            handle(afterNextDay.take());
        }
    }

    /**
     * The earliest use any task observed moves back: the coverage of the tracking period, and with it the findings,
     * may change, so an evaluation already made repeats.
     */
    private void observedSince(long at) {
        Long since = clock.get(OBSERVED_SINCE);
        if (since != null && at >= since) {
            return;
        }
        clock.put(OBSERVED_SINCE, at);
        usedSinceEndEvaluation = true;
        Long evaluated = clock.get(EVALUATED_DAY);
        if (evaluated != null && at < evaluated * DAY_MS && clock.get(LATE_USE) == null) {
            clock.put(LATE_USE, at);
        }
    }

    private void maybeEvaluate() {
        if (pass.get(PASS) != null) {
            return; // the pass's end checks again
        }
        List<Long> watermarks = watermarks();
        long newest = watermarks.stream().mapToLong(Long::longValue).max().orElseThrow();
        long slowestActive = watermarks.stream().mapToLong(Long::longValue).filter(w -> w >= newest - DAY_MS).min()
                .orElseThrow();
        long due = Math.floorDiv(slowestActive - grace.toMillis(), DAY_MS);
        Long evaluated = clock.get(EVALUATED_DAY);
        Long since = clock.get(OBSERVED_SINCE);
        // Before the first observed use there is nothing to judge use by: the first evaluation is the first day
        // boundary after it, not the start of the first day of data.
        long day;
        if (evaluated != null && evaluated >= due && clock.get(LATE_USE) != null) {
            day = evaluated;
        } else if (evaluated != null && evaluated >= due) {
            reevaluateLate(evaluated, since, slowestActive);
            return;
        } else if (since == null || since >= due * DAY_MS) {
            return;
        } else {
            day = nextDay(evaluated, since);
        }
        clock.delete(LATE_USE);
        clock.put(EVALUATED_DAY, day);
        evaluate(Instant.ofEpochMilli(day * DAY_MS), Instant.ofEpochMilli(since), day * DAY_MS);
    }

    /**
     * The last evaluated day again, for the entities whose use from before it arrived after it: the rest cannot have
     * changed. In a backfill, calls held for their session and tasks that lag behind send such use every few minutes
     * of stream time, and repeating the whole pass for each made most of the passes. At most once per
     * {@link #LATE_REEVALUATION_INTERVAL_MS} of the slowest task's stream time: an entity with late use every hour was
     * evaluated again every hour, while the next day's pass evaluates it anyway. Or once per
     * {@link #LATE_REEVALUATION_WALL_MS} of wall clock, which decides when the data stops. More entities than a
     * chunk: a whole pass, in chunks, as any pass.
     */
    private void reevaluateLate(long day, long since, long slowestActive) {
        long wall = context.currentSystemTimeMs();
        if (clock.get(LATE_ENTITY_USE) == null || slowestActive < lateEvaluatedAt + LATE_REEVALUATION_INTERVAL_MS
                && wall < lateEvaluatedWall + LATE_REEVALUATION_WALL_MS) {
            return;
        }
        lateEvaluatedAt = slowestActive;
        lateEvaluatedWall = wall;
        if (lateEntities.isEmpty() || lateEntities.size() > settings.evaluationChunk()) {
            evaluate(Instant.ofEpochMilli(day * DAY_MS), Instant.ofEpochMilli(since), day * DAY_MS);
            return;
        }
        List<String> late = List.copyOf(lateEntities);
        forgetLateEntities();
        EvaluationPass repeat = new EvaluationPass(Instant.ofEpochMilli(day * DAY_MS), Instant.ofEpochMilli(since),
                day * DAY_MS, null);
        chunks.reevaluate(repeat, late).forEach(output -> emit(output, repeat.timestamp()));
    }

    /**
     * From the wall-clock punctuation: late use that came after the last watermark (no watermark follows once the
     * input stops, until the idle release) is evaluated once its wall-clock wait is over, as a watermark would.
     */
    private void lateUseWhileIdle() {
        if (endOfInput.signalled() || pass.get(PASS) != null || !pending.isEmpty()
                || clock.get(LATE_ENTITY_USE) == null || watermarks().isEmpty()) {
            return; // at the end of input, every watermark repeats the evaluation use arrived since
        }
        maybeEvaluate();
    }

    private void forgetLateEntities() {
        lateEntities.clear();
        clock.delete(LATE_ENTITY_USE);
    }

    /** The day boundary after the newest watermark: every use there is has arrived, none will come after. */
    private void maybeEvaluateEnd() {
        if (pass.get(PASS) != null) {
            return; // the pass's end checks again
        }
        Long since = clock.get(OBSERVED_SINCE);
        if (since == null) {
            return;
        }
        long newest = watermarks().stream().mapToLong(Long::longValue).max().orElseThrow();
        long end = Math.floorDiv(newest, DAY_MS) + 1;
        Long evaluated = clock.get(EVALUATED_DAY);
        long day = Math.min(end, nextDay(evaluated, since));
        if (evaluated != null && evaluated >= end) {
            if (!usedSinceEndEvaluation) {
                return;
            }
            day = evaluated; // never back: findings already say what that day says
        }
        if (day == end || evaluated != null && evaluated >= end) {
            usedSinceEndEvaluation = false; // the days before the end go first, a pass each
        }
        clock.delete(LATE_USE);
        clock.put(EVALUATED_DAY, day);
        // Stamped with the newest data's time, not the day boundary after it: a finding stamped ahead of the data
        // would move on the stream time of the tasks that read the findings topic, expiring their state early.
        evaluate(Instant.ofEpochMilli(day * DAY_MS), Instant.ofEpochMilli(since), Math.min(day * DAY_MS, newest));
    }

    /**
     * The day boundary to evaluate next: the one after the last evaluated, or the first after the first observed use.
     * Every boundary the data crosses is evaluated, however far the watermarks jump at once: which days are evaluated,
     * and so a finding's period and the day it resolves, depends on the data, not on how far ahead of the findings
     * step a backlog or a long pass let the watermarks run.
     */
    private static long nextDay(Long evaluated, long since) {
        return evaluated == null ? Math.floorDiv(since, DAY_MS) + 1 : evaluated + 1;
    }

    private List<Long> watermarks() {
        return new ArrayList<>(watermarks.values());
    }

    /**
     * Starts a pass over the owned entities; it reads all use, late use included.
     * @param timestamp the record timestamp of what it emits
     */
    private void evaluate(Instant at, Instant observedSince, long timestamp) {
        forgetLateEntities();
        pass.put(PASS, new EvaluationPass(at, observedSince, timestamp, null));
    }

    /**
     * The next chunks of the passes in progress, if any: at the end of a pass, a day that became due meanwhile starts
     * the next one, and once no pass is left, the signals that came during the passes are taken in order, any of whose
     * watermarks may start another. Chunks go on, over as many passes as it takes, until they took a chunk's worth of
     * entities ({@code findings.evaluation-chunk}). So a backlog of days over a small inventory is evaluated as its
     * watermark comes, not a day per call; a large pass still takes a call per chunk.
     */
    private void work() {
        int budget = settings.evaluationChunk();
        while (budget > 0) {
            EvaluationPass current = pass.get(PASS);
            if (current == null) {
                UsageSignal next = pending.take();
                if (next == null) {
                    return;
                }
                handle(next);
                continue;
            }
            ChunkEvaluator.Result chunk = chunks.next(current);
            budget -= Math.max(1, chunk.evaluated());
            chunk.emitted().forEach(output -> emit(output, current.timestamp()));
            if (!chunk.passComplete()) {
                pass.put(PASS, current.coveredTo(chunk.coveredTo()));
                return;
            }
            pass.delete(PASS);
            recordUseAfterPass();
            if (watermarks().isEmpty()) {
                continue; // nothing says a day is due (a pass put there by hand)
            }
            if (endOfInput.signalled()) {
                maybeEvaluateEnd();
            } else {
                maybeEvaluate();
            }
        }
    }

    private void emit(PassOutput output, long timestamp) {
        context.forward(new Record<>(output.key(), output, timestamp));
    }
}
