package dev.roletrail.streams.state;

import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a persistent, logged key-value store with a {@link WriteBackStore} in front instead of Kafka Streams' record
 * cache (which this builder keeps off: it would serialise every put again).
 *
 * @param <V> the value type, immutable
 */
public final class WriteBackStoreBuilder<V> implements StoreBuilder<KeyValueStore<String, V>> {

    private final StoreBuilder<KeyValueStore<String, V>> inner;
    private final long maxWeight;
    private final ToIntFunction<V> weigher;

    private WriteBackStoreBuilder(StoreBuilder<KeyValueStore<String, V>> inner, long maxWeight,
            ToIntFunction<V> weigher) {
        this.inner = inner;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /**
     * @param maxEntries values kept in memory per store and task; 0 leaves the store plain, written through
     */
    public static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> valueSerde,
            int maxEntries) {
        return weighed(name, valueSerde, maxEntries, value -> 1);
    }

    /**
     * For values of very different sizes (a role's actions, say): what stays in memory is bounded by weight.
     *
     * @param maxWeight how much the values kept in memory per store and task may weigh; 0 leaves the store plain
     * @param weigher   the weight of one value, e.g. the items it holds
     */
    public static <V> StoreBuilder<KeyValueStore<String, V>> weighed(String name, Serde<V> valueSerde,
            long maxWeight, ToIntFunction<V> weigher) {
        StoreBuilder<KeyValueStore<String, V>> plain = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Objects.requireNonNull(name, "name")), Serdes.String(), valueSerde)
                .withCachingDisabled();
        return maxWeight == 0 ? plain : new WriteBackStoreBuilder<>(plain, maxWeight, weigher);
    }

    @Override
    public KeyValueStore<String, V> build() {
        return new WriteBackStore<>(inner.build(), maxWeight, weigher);
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
        throw new UnsupportedOperationException("a write-back store is its own cache: " + name());
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
        inner.withLoggingDisabled();
        return this;
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
