package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

import dev.roletrail.streams.state.DecodedCache;

/**
 * Observed use stored as one small row per item (store {@code findings-usage}): key {@code <entity> NUL <kind>
 * <item>}, value the item's latest use in epoch millis. A signal touches only its own items' rows. Kept as one value
 * per entity, a busy role's hundreds of actions and assumers were decoded, copied and encoded again for every
 * signal, the largest single cost of the stream threads in a backfill.
 * <p>
 * Each kind is capped per entity as {@link EntityUsage} states: a count row ({@code <entity> NUL # <kind>}) counts
 * the kind's items, and past the cap the least recently used item is dropped (a range read, only then). The
 * latest activity has its own row ({@code <entity> NUL !}). Entity ARNs hold no NUL, so the range
 * [{@code entity NUL}, {@code entity \u0001}) holds exactly one entity's rows.
 */
final class UsageRows {

    private static final char SEPARATOR = '\u0000';
    private static final char LAST_ACTIVE = '!';
    /** The earliest use, written only when it moves back (rarely: the first use, or older use arriving late). */
    private static final char FIRST_ACTIVE = '^';
    private static final char COUNT = '#';

    /** A kind of item, its key character and its cap per entity. */
    enum Kind {
        ACTION('a', EntityUsage.MAX_ACTIONS),
        KEY('k', EntityUsage.MAX_KEYS),
        ASSUMER('s', EntityUsage.MAX_ASSUMERS),
        ORIGIN('o', EntityUsage.MAX_ASSUMERS),
        NETWORK('n', EntityUsage.MAX_ASSUMERS),
        CLIENT('c', EntityUsage.MAX_CLIENTS),
        TRAIT('t', EntityUsage.MAX_TRAITS),
        REACHED('r', EntityUsage.MAX_ASSUMERS),
        CREATOR('w', EntityUsage.MAX_CREATORS);

        final char code;
        final int cap;

        Kind(char code, int cap) {
            this.code = code;
            this.cap = cap;
        }

        static Kind of(char code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            return null;
        }
    }

    private final DecodedCache<Long> rows;

    UsageRows(DecodedCache<Long> rows) {
        this.rows = rows;
    }

    /** Records the signal's use: the entity's latest activity and each item it names. */
    void record(UsageSignal signal) {
        String entity = signal.entity();
        long at = signal.at().toEpochMilli();
        if (!signal.isUse()) {
            add(entity, Kind.CREATOR, signal.creator(), at);
            return;
        }
        advance(entity + SEPARATOR + LAST_ACTIVE, at);
        String first = entity + SEPARATOR + FIRST_ACTIVE;
        Long earliest = rows.get(first);
        if (earliest == null || at < earliest) {
            rows.put(first, at);
        }
        // A use may carry its event's trait (a trait signal alone names no action or key: nothing more to add).
        if (signal.trait() != null) {
            add(entity, Kind.TRAIT, signal.trait().encode(), at);
            add(entity, Kind.REACHED, signal.reached(), at);
        }
        if (signal.assumption()) {
            add(entity, Kind.ASSUMER, signal.assumer(), at);
            add(entity, Kind.ORIGIN, signal.origin(), at);
            add(entity, Kind.NETWORK, signal.network(), at);
            add(entity, Kind.CLIENT, signal.client(), at);
        } else {
            add(entity, Kind.ACTION, signal.action(), at);
            add(entity, Kind.KEY, signal.accessKeyId(), at);
        }
    }

    /** Entities with observed use, in key order; {@code last}: the last entity looked at. */
    record EntityPage(List<String> entities, String last, boolean complete) {
    }

    /**
     * Entities with observed use after {@code after} that {@code take} accepts, at most {@code limit} of them and
     * looking at no more than {@code scanLimit}: one seek per entity to its first row, never through its item rows.
     * {@code last} is the last entity looked at; {@code complete} says nothing follows it.
     */
    EntityPage entitiesAfter(String after, Predicate<String> take, int limit, int scanLimit) {
        List<String> entities = new ArrayList<>();
        String from = after == null ? null : after + '\u0001';
        String last = after;
        int scanned = 0;
        while (entities.size() < limit && scanned < scanLimit) {
            String entity;
            try (KeyValueIterator<String, Long> range = rows.store().range(from, null)) {
                if (!range.hasNext()) {
                    return new EntityPage(entities, last, true);
                }
                String key = range.next().key;
                entity = key.substring(0, key.indexOf(SEPARATOR));
            }
            scanned++;
            last = entity;
            if (take.test(entity)) {
                entities.add(entity);
            }
            from = entity + '\u0001';
        }
        return new EntityPage(entities, last, false);
    }

    /** Every entity with observed use. */
    List<String> entities() {
        return entitiesAfter(null, entity -> true, Integer.MAX_VALUE, Integer.MAX_VALUE).entities();
    }

    /** The entity's observed use, or null when nothing was observed. */
    EntityUsage read(String entity) {
        Instant lastActive = null;
        Instant firstActive = null;
        Map<Kind, Map<String, Instant>> items = new HashMap<>();
        boolean any = false;
        String prefix = entity + SEPARATOR;
        try (KeyValueIterator<String, Long> range = rows.store().range(prefix, entity + '\u0001')) {
            while (range.hasNext()) {
                KeyValue<String, Long> row = range.next();
                any = true;
                char code = row.key.charAt(prefix.length());
                if (code == LAST_ACTIVE) {
                    lastActive = Instant.ofEpochMilli(row.value);
                    continue;
                }
                if (code == FIRST_ACTIVE) {
                    firstActive = Instant.ofEpochMilli(row.value);
                    continue;
                }
                Kind kind = Kind.of(code);
                if (kind != null) {
                    items.computeIfAbsent(kind, k -> new HashMap<>())
                            .put(row.key.substring(prefix.length() + 1), Instant.ofEpochMilli(row.value));
                }
            }
        }
        if (!any) {
            return null;
        }
        return new EntityUsage(entity, lastActive, items.get(Kind.ACTION), items.get(Kind.KEY),
                items.get(Kind.ASSUMER), items.get(Kind.ORIGIN), items.get(Kind.NETWORK), items.get(Kind.CLIENT),
                items.get(Kind.TRAIT), items.get(Kind.REACHED), items.get(Kind.CREATOR), firstActive);
    }

    private void add(String entity, Kind kind, String item, long at) {
        if (item == null) {
            return;
        }
        if (advance(entity + SEPARATOR + kind.code + item, at)) {
            countNew(entity, kind);
        }
    }

    /** Moves a row's time forward; whether the row is new. */
    private boolean advance(String key, long at) {
        Long before = rows.get(key);
        if (before == null || before < at) {
            rows.put(key, at);
        }
        return before == null;
    }

    private void countNew(String entity, Kind kind) {
        String countKey = entity + SEPARATOR + COUNT + kind.code;
        Long count = rows.get(countKey);
        long next = (count == null ? 0 : count) + 1;
        if (next > kind.cap) {
            dropLeastRecent(entity, kind);
            next = kind.cap;
        }
        rows.put(countKey, next);
    }

    /** Drops the kind's least recently used item (the smallest key among equals, so a replay drops the same). */
    private void dropLeastRecent(String entity, Kind kind) {
        List<KeyValue<String, Long>> candidates = new ArrayList<>();
        try (KeyValueIterator<String, Long> range =
                rows.store().prefixScan(entity + SEPARATOR + kind.code, new StringSerializer())) {
            range.forEachRemaining(candidates::add);
        }
        candidates.stream()
                .min((a, b) -> a.value.equals(b.value) ? a.key.compareTo(b.key) : Long.compare(a.value, b.value))
                .ifPresent(oldest -> rows.delete(oldest.key));
    }
}
