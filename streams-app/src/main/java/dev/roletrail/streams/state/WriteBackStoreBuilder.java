package dev.roletrail.streams.state;

import java.util.Map;
import java.util.Objects;

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
    private final int maxEntries;

    private WriteBackStoreBuilder(StoreBuilder<KeyValueStore<String, V>> inner, int maxEntries) {
        this.inner = inner;
        this.maxEntries = maxEntries;
    }

    /**
     * @param maxEntries values kept in memory per store and task; 0 leaves the store plain, written through
     */
    public static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Serde<V> valueSerde,
            int maxEntries) {
        StoreBuilder<KeyValueStore<String, V>> plain = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Objects.requireNonNull(name, "name")), Serdes.String(), valueSerde)
                .withCachingDisabled();
        return maxEntries == 0 ? plain : new WriteBackStoreBuilder<>(plain, maxEntries);
    }

    @Override
    public KeyValueStore<String, V> build() {
        return new WriteBackStore<>(inner.build(), maxEntries);
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
