package dev.roletrail.streams.unused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.StoreNames;

/**
 * Records observed use per entity and, once a day of stream time, evaluates every finding against the inventory.
 * Emits a finding when it opens or its content changes, and the RESOLVED state of an open finding that no longer
 * holds (the access was used again, or the entity left the inventory).
 * <p>
 * Stream time, not wall clock: a replay or a backfill evaluates at the same day boundaries as the live run did. The
 * punctuator is checked hourly but evaluates only when stream time has entered a new UTC day, so a backfill racing
 * through months evaluates once per day of data at most, never per record.
 * <p>
 * Input: {@link UsageSignal}s keyed by entity. Output: {@link Finding}s keyed by finding id.
 */
public final class FindingsProcessor implements Processor<String, UsageSignal, String, Finding> {

    static final String OBSERVED_SINCE = "observed-since";
    static final String EVALUATED_DAY = "evaluated-day";
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final FindingsEvaluator evaluator;
    private final FindingsSettings settings;
    private ProcessorContext<String, Finding> context;
    private KeyValueStore<String, EntityUsage> usage;
    private KeyValueStore<String, AssumerActions> assumerActions;
    private KeyValueStore<String, Finding> open;
    private KeyValueStore<String, Long> clock;
    private KeyValueStore<String, InventoryEntity> inventory;

    public FindingsProcessor(FindingsEvaluator evaluator, FindingsSettings settings) {
        this.evaluator = evaluator;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
        this.usage = context.getStateStore(StoreNames.FINDINGS_USAGE);
        this.assumerActions = context.getStateStore(StoreNames.FINDINGS_ASSUMER_ACTIONS);
        this.open = context.getStateStore(StoreNames.FINDINGS_OPEN);
        this.clock = context.getStateStore(StoreNames.FINDINGS_CLOCK);
        this.inventory = context.getStateStore(StoreNames.INVENTORY);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::maybeEvaluate);
    }

    @Override
    public void process(Record<String, UsageSignal> record) {
        UsageSignal signal = record.value();
        Long since = clock.get(OBSERVED_SINCE);
        if (since == null || signal.at().toEpochMilli() < since) {
            clock.put(OBSERVED_SINCE, signal.at().toEpochMilli());
        }
        EntityUsage before = usage.get(signal.entity());
        EntityUsage after = (before == null ? EntityUsage.none(signal.entity()) : before).with(signal);
        if (!after.equals(before)) {
            usage.put(signal.entity(), after);
        }
        if (!signal.assumption() && signal.assumer() != null && signal.action() != null) {
            String key = AssumerActions.key(signal.entity(), signal.assumer());
            AssumerActions edge = assumerActions.get(key);
            assumerActions.put(key, (edge == null ? new AssumerActions(signal.entity(), signal.assumer(), null) : edge)
                    .with(signal.action(), signal.at()));
        }
    }

    private void maybeEvaluate(long streamTime) {
        long day = Math.floorDiv(streamTime, DAY_MS);
        Long evaluated = clock.get(EVALUATED_DAY);
        if (evaluated != null && evaluated >= day) {
            return;
        }
        clock.put(EVALUATED_DAY, day);
        evaluate(Instant.ofEpochMilli(day * DAY_MS));
    }

    private void evaluate(Instant at) {
        Long since = clock.get(OBSERVED_SINCE);
        Evaluation evaluation = new Evaluation(at, settings, since == null ? null : Instant.ofEpochMilli(since));
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
            emit(finding, at);
        }
        for (Finding finding : current.values()) {
            Finding before = open.get(finding.id());
            if (before == null || !FindingFactory.sameContent(before, finding)) {
                open.put(finding.id(), finding);
                emit(finding, at);
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
                return usage.get(entity);
            }

            @Override
            public List<AssumerActions> assumers(String role) {
                List<AssumerActions> edges = new ArrayList<>();
                // Keys are role + NUL + assumer: the range [role NUL, role \u0001) holds exactly this role's assumers.
                try (KeyValueIterator<String, AssumerActions> range =
                        assumerActions.range(role + "\u0000", role + "\u0001")) {
                    range.forEachRemaining(entry -> edges.add(entry.value));
                }
                return edges;
            }
        };
    }

    private void emit(Finding finding, Instant at) {
        context.forward(new Record<>(finding.id(), finding, at.toEpochMilli()));
    }
}
