package dev.roletrail.streams.unused;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * When an entity's findings could next change with nothing but time passing. A finding compares the instants of its
 * inputs (last uses, creation and rotation dates) with the evaluation time minus a span ({@link Evaluation#spans()}):
 * such a comparison can only turn when {@code instant + span} is passed. So, evaluated at {@code at}, the findings hold
 * until the earliest {@code instant + span} at or after {@code at}; an evaluation before that, on the same inputs,
 * would find the same. Conservative: every instant of the inputs counts, read from records, collections and maps
 * (fields of other types hold none a finding compares).
 */
final class Horizon {

    /** The accessors of a record class's components; none for any other class. */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return new Method[0];
            }
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true); // records nested in package-private classes too
            }
            return accessors;
        }
    };

    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE / 2);
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE / 2);

    /** The evaluation time and the spans, in epoch millis: a role's hundreds of last uses are compared with them. */
    private final long at;
    private final long[] spans;
    private long earliest = Long.MAX_VALUE;

    private Horizon(Evaluation evaluation) {
        this.at = evaluation.at().toEpochMilli();
        this.spans = evaluation.spans().stream().mapToLong(Duration::toMillis).toArray();
    }

    /** The earliest time at or after the evaluation's at which the inputs' findings may differ; null: never. */
    static Instant of(Evaluation evaluation, Object... inputs) {
        Horizon horizon = new Horizon(evaluation);
        horizon.add(evaluation.observedSince());
        for (Object input : inputs) {
            horizon.walk(input);
        }
        return horizon.earliest == Long.MAX_VALUE ? null : Instant.ofEpochMilli(horizon.earliest);
    }

    private void walk(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Instant instant) {
            add(instant);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(this::walk);
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(this::walk);
        } else {
            for (Method accessor : ACCESSORS.get(value.getClass())) {
                walk(read(accessor, value));
            }
        }
    }

    private void add(Instant instant) {
        if (instant == null) {
            return;
        }
        if (instant.isAfter(LATEST) || instant.isBefore(EARLIEST)) {
            return; // out of epoch millis' range: no comparison with a real evaluation time turns on it
        }
        long millis = instant.toEpochMilli();
        for (long span : spans) {
            long turns = millis + span;
            if (turns >= at && turns < earliest) {
                earliest = turns;
            }
        }
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of " + record.getClass(), e);
        }
    }
}
