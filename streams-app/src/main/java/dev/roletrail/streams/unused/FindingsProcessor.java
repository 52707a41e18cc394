package dev.roletrail.streams.unused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.EndOfInput;
import dev.roletrail.streams.StoreNames;
import dev.roletrail.streams.state.DecodedCache;

/**
 * Records observed use per entity and, once a day of stream time, evaluates every finding against the inventory.
 * Emits a finding when it opens or its content changes, and the RESOLVED state of an open finding that no longer
 * holds (the access was used again, or the entity left the inventory).
 * <p>
 * Event time, not wall clock: a replay or a backfill evaluates at the same day boundaries as the live run did. Usage
 * comes from every upstream task through one partition, each task at its own pace, so this task's own stream time
 * would let the fastest decide. Instead each upstream task sends watermarks (its stream time, from an hourly
 * stream-time punctuator), and a day is evaluated once the slowest active upstream task has passed its start by the
 * grace (events wait that long for their session). A task whose watermark lags the newest by more than a day is
 * taken as idle (no input), so it cannot stall evaluation forever. A backfill racing through months evaluates once per
 * day of data at most, never per record.
 * <p>
 * An upstream task that has not yet sent anything cannot be waited for (nothing says it exists), so at start, or
 * after a rebalance, one task's backlog can be evaluated before another's. Use from before an evaluation that arrives
 * after it therefore marks it to be repeated at the next watermark: findings converge to what the full data says.
 * <p>
 * Once the {@link EndOfInput} is signalled, no later day will pass: every watermark then also evaluates at the end of
 * the data, the day boundary after the newest watermark, when that is past the last evaluation or use arrived since
 * (upstream tasks send a watermark after their last records). Only then: in a live deployment, evaluating a day
 * before it is over would open findings that the rest of the day resolves again.
 * <p>
 * Input: {@link UsageSignal}s keyed by entity. Output: {@link Finding}s keyed by finding id.
 */
public final class FindingsProcessor implements Processor<String, UsageSignal, String, Finding> {

    static final String OBSERVED_SINCE = "observed-since";
    static final String EVALUATED_DAY = "evaluated-day";
    /** Set when use from before the last evaluation arrives after it: that evaluation is repeated. */
    static final String LATE_USE = "late-use";
    /** Followed by the upstream partition; the range [WATERMARK, WATERMARK_END) holds them all. */
    static final String WATERMARK = "watermark:";
    private static final String WATERMARK_END = "watermark;";
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    /** Usage rows are one item each, assumer actions weigh their items: this many per configured decoded entry. */
    private static final long ITEMS_PER_ENTRY = 40;

    private final FindingsEvaluator evaluator;
    private final FindingsSettings settings;
    private final Duration grace;
    private final EndOfInput endOfInput;
    /** Whether use arrived since the last evaluation at the end of input (memory only: after a start, assume so). */
    private boolean usedSinceEndEvaluation = true;
    private ProcessorContext<String, Finding> context;
    private UsageRows usage;
    private DecodedCache<AssumerActions> assumerActions;
    private KeyValueStore<String, Finding> open;
    private KeyValueStore<String, Long> clock;
    private KeyValueStore<String, InventoryEntity> inventory;

    /**
     * @param grace      how long after a day ends, in every upstream task's event time, the day is evaluated
     * @param endOfInput once signalled, evaluations reach the end of the data
     */
    public FindingsProcessor(FindingsEvaluator evaluator, FindingsSettings settings, Duration grace,
            EndOfInput endOfInput) {
        this.evaluator = evaluator;
        this.settings = settings;
        this.grace = grace;
        this.endOfInput = endOfInput;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
        // Every usage signal reads and writes a few usage rows and maybe an assumer's actions: they stay decoded.
        long items = DecodedCache.entries(context) * ITEMS_PER_ENTRY;
        this.usage = new UsageRows(new DecodedCache<>(context.getStateStore(StoreNames.FINDINGS_USAGE), items,
                row -> 1));
        this.assumerActions = new DecodedCache<>(context.getStateStore(StoreNames.FINDINGS_ASSUMER_ACTIONS), items,
                edge -> 1 + edge.actions().size());
        this.open = context.getStateStore(StoreNames.FINDINGS_OPEN);
        this.clock = context.getStateStore(StoreNames.FINDINGS_CLOCK);
        this.inventory = context.getStateStore(StoreNames.INVENTORY);
    }

    @Override
    public void process(Record<String, UsageSignal> record) {
        UsageSignal signal = record.value();
        if (signal.marksTime()) {
            String key = WATERMARK + signal.upstreamPartition();
            Long before = clock.get(key);
            if (before == null || before < signal.at().toEpochMilli()) {
                clock.put(key, signal.at().toEpochMilli());
                if (!endOfInput.signalled()) {
                    maybeEvaluate();
                }
            }
            if (endOfInput.signalled()) {
                maybeEvaluateEnd(); // at or after the day maybeEvaluate would take: once is enough
            }
            return;
        }
        usedSinceEndEvaluation = true;
        Long since = clock.get(OBSERVED_SINCE);
        if (since == null || signal.at().toEpochMilli() < since) {
            clock.put(OBSERVED_SINCE, signal.at().toEpochMilli());
        }
        Long evaluated = clock.get(EVALUATED_DAY);
        if (evaluated != null && signal.at().toEpochMilli() < evaluated * DAY_MS && clock.get(LATE_USE) == null) {
            clock.put(LATE_USE, signal.at().toEpochMilli());
        }
        usage.record(signal);
        if (!signal.assumption() && signal.assumer() != null && signal.action() != null) {
            String key = AssumerActions.key(signal.entity(), signal.assumer());
            AssumerActions edge = assumerActions.get(key);
            AssumerActions next = (edge == null ? new AssumerActions(signal.entity(), signal.assumer(), null) : edge)
                    .with(signal.action(), signal.at());
            if (next != edge) {
                assumerActions.put(key, next);
            }
        }
    }

    private void maybeEvaluate() {
        List<Long> watermarks = watermarks();
        long newest = watermarks.stream().mapToLong(Long::longValue).max().orElseThrow();
        long slowestActive = watermarks.stream().mapToLong(Long::longValue).filter(w -> w >= newest - DAY_MS).min()
                .orElseThrow();
        long day = Math.floorDiv(slowestActive - grace.toMillis(), DAY_MS);
        Long evaluated = clock.get(EVALUATED_DAY);
        Long since = clock.get(OBSERVED_SINCE);
        // Before the first observed use there is nothing to judge use by: the first evaluation is the first day
        // boundary after it, not the start of the first day of data.
        if (evaluated != null && evaluated >= day && clock.get(LATE_USE) != null) {
            day = evaluated;
        } else if (evaluated != null && evaluated >= day || since == null || since >= day * DAY_MS) {
            return;
        }
        clock.delete(LATE_USE);
        clock.put(EVALUATED_DAY, day);
        evaluate(Instant.ofEpochMilli(day * DAY_MS), Instant.ofEpochMilli(since), day * DAY_MS);
    }

    /** The day boundary after the newest watermark: every use there is has arrived, none will come after. */
    private void maybeEvaluateEnd() {
        Long since = clock.get(OBSERVED_SINCE);
        if (since == null) {
            return;
        }
        long newest = watermarks().stream().mapToLong(Long::longValue).max().orElseThrow();
        long day = Math.floorDiv(newest, DAY_MS) + 1;
        Long evaluated = clock.get(EVALUATED_DAY);
        if (evaluated != null && evaluated >= day) {
            if (!usedSinceEndEvaluation) {
                return;
            }
            day = evaluated; // never back: findings already say what that day says
        }
        usedSinceEndEvaluation = false;
        clock.delete(LATE_USE);
        clock.put(EVALUATED_DAY, day);
        // Stamped with the newest data's time, not the day boundary after it: a finding stamped ahead of the data
        // would move on the stream time of the tasks that read the findings topic, expiring their state early.
        evaluate(Instant.ofEpochMilli(day * DAY_MS), Instant.ofEpochMilli(since), Math.min(day * DAY_MS, newest));
    }

    private List<Long> watermarks() {
        List<Long> watermarks = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = clock.range(WATERMARK, WATERMARK_END)) {
            all.forEachRemaining(entry -> watermarks.add(entry.value));
        }
        return watermarks;
    }

    /** @param timestamp the record timestamp of what it emits */
    private void evaluate(Instant at, Instant observedSince, long timestamp) {
        Evaluation evaluation = new Evaluation(at, settings, observedSince);
        Map<String, Finding> current = new LinkedHashMap<>();
        for (Finding finding : evaluator.evaluate(InventoryView.of(inventoryEntities()), storeUsage(), evaluation)) {
            current.put(finding.id(), finding);
        }
        List<Finding> resolved = new ArrayList<>();
        try (KeyValueIterator<String, Finding> all = open.all()) {
            all.forEachRemaining(entry -> {
                if (!current.containsKey(entry.key)) {
                    resolved.add(FindingFactory.resolved(entry.value, at, "resolved " + Evaluation.day(at)
                            + ": used again, or no longer granted or in the inventory"));
                }
            });
        }
        for (Finding finding : resolved) {
            open.delete(finding.id());
            emit(finding, timestamp);
        }
        for (Finding finding : current.values()) {
            Finding before = open.get(finding.id());
            if (before == null || !FindingFactory.sameContent(before, finding)) {
                open.put(finding.id(), finding);
                emit(finding, timestamp);
            }
        }
    }

    private List<InventoryEntity> inventoryEntities() {
        List<InventoryEntity> entities = new ArrayList<>();
        try (KeyValueIterator<String, InventoryEntity> all = inventory.all()) {
            all.forEachRemaining(entry -> entities.add(entry.value));
        }
        return entities;
    }

    private FindingsEvaluator.UsageSource storeUsage() {
        return new FindingsEvaluator.UsageSource() {
            @Override
            public EntityUsage usage(String entity) {
                return usage.read(entity);
            }

            @Override
            public List<AssumerActions> assumers(String role) {
                List<AssumerActions> edges = new ArrayList<>();
                // Keys are role + NUL + assumer: the range [role NUL, role \u0001) holds exactly this role's assumers.
                try (KeyValueIterator<String, AssumerActions> range =
                        assumerActions.store().range(role + "\u0000", role + "\u0001")) {
                    range.forEachRemaining(entry -> edges.add(entry.value));
                }
                return edges;
            }

            @Override
            public List<String> usedRoles() {
                return usage.roles();
            }
        };
    }

    private void emit(Finding finding, long timestamp) {
        context.forward(new Record<>(finding.id(), finding, timestamp));
    }
}
