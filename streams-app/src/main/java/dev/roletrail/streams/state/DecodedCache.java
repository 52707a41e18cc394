package dev.roletrail.streams.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A write-through cache of decoded values in front of a processor's own store. Kafka Streams' record cache keeps
 * bytes, so every {@code get} deserialises the value again; for the findings step's usage of a busy role (hundreds
 * of actions and assumers) that was a fifth of the stream threads' CPU. Here the most recently used values stay
 * decoded, absent keys included.
 * <p>
 * Safe because the store has one writer, the processor holding this cache, and every write goes through it. The
 * processor builds the cache in {@code init}, so after a task is revived (its state restored from the changelog)
 * nothing stale survives. Values must be immutable: the same instance is handed out again. The size is bounded by
 * weight (e.g. the items a value holds), not by entry count, so a few huge values cannot fill the heap.
 *
 * @param <V> the store's value type, immutable
 */
public final class DecodedCache<V> {

    /** The Kafka Streams property (set from {@code streams.decoded-cache-entries}) processors read the size from. */
    public static final String ENTRIES_CONFIG = "roletrail.decoded.cache.entries";
    /** Per store and task: a few MB of heap for the small per-principal values, and most of a busy hour's keys. */
    public static final int DEFAULT_ENTRIES = 5_000;

    private final KeyValueStore<String, V> store;
    private final ToIntFunction<V> weigher;
    private final long maxWeight;
    private final Map<String, Optional<V>> recent = new LinkedHashMap<>(256, 0.75f, true);
    private long weight;

    /**
     * @param store     the store, written only through this cache
     * @param maxWeight how much the cached values may weigh in all
     * @param weigher   the weight of one value (at least 1 is counted per entry, absent ones included)
     */
    public DecodedCache(KeyValueStore<String, V> store, long maxWeight, ToIntFunction<V> weigher) {
        this.store = Objects.requireNonNull(store, "store");
        this.weigher = Objects.requireNonNull(weigher, "weigher");
        this.maxWeight = maxWeight;
    }

    /** A cache that counts every entry as 1. */
    public static <V> DecodedCache<V> ofEntries(KeyValueStore<String, V> store, int maxEntries) {
        return new DecodedCache<>(store, maxEntries, value -> 1);
    }

    /**
     * The processor's store {@code storeName}, with as many entries as the app is configured to keep decoded; none in
     * front of a {@link WriteBackStore}, which keeps its values decoded itself.
     */
    public static <V> DecodedCache<V> of(ProcessorContext<?, ?> context, String storeName) {
        KeyValueStore<String, V> store = context.getStateStore(storeName);
        return ofEntries(store, writesBack(store) ? 0 : entries(context));
    }

    /** Kafka Streams hands a processor its store behind a read-write decorator, one of its internal wrappers. */
    private static boolean writesBack(StateStore store) {
        return store instanceof WriteBackStore
                || store instanceof WrappedStateStore<?, ?, ?> wrapper && wrapper.wrapped() instanceof WriteBackStore;
    }

    /** The configured entries per store and task, for caches whose values are weighed. */
    public static int entries(ProcessorContext<?, ?> context) {
        Object configured = context.appConfigs().get(ENTRIES_CONFIG);
        return configured == null ? DEFAULT_ENTRIES : Integer.parseInt(configured.toString());
    }

    public V get(String key) {
        Optional<V> cached = recent.get(key);
        if (cached != null) {
            return cached.orElse(null);
        }
        V value = store.get(key);
        remember(key, Optional.ofNullable(value));
        return value;
    }

    public void put(String key, V value) {
        store.put(key, value);
        remember(key, Optional.ofNullable(value));
    }

    public void delete(String key) {
        // A null put deletes too, without decoding the old value as delete() does to return it.
        store.put(key, null);
        remember(key, Optional.empty());
    }

    /** The store itself, for ranges and scans (they see every write, which goes through to it). */
    public KeyValueStore<String, V> store() {
        return store;
    }

    private void remember(String key, Optional<V> value) {
        if (maxWeight <= 0) {
            return; // nothing is kept: every read goes to the store
        }
        Optional<V> before = recent.put(key, value);
        weight += weightOf(value) - (before == null ? 0 : weightOf(before));
        var eldest = recent.entrySet().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            weight -= weightOf(eldest.next().getValue());
            eldest.remove();
        }
    }

    private long weightOf(Optional<V> value) {
        return Math.max(1, value.map(weigher::applyAsInt).orElse(1));
    }
}
