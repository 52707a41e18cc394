package dev.roletrail.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** Real in-memory key-value stores (string keys, a serde for values) for tests of one class or one processor. */
public final class TestStores {

    private TestStores() {
    }

    /** A store of its own, ready to use. */
    public static <V> KeyValueStore<String, V> inMemory(String name, Serde<V> values) {
        return inMemory(name, values, new MockProcessorContext<>());
    }

    /** A store registered with the context, so a processor initialised with it finds the store by name. */
    public static <V> KeyValueStore<String, V> inMemory(String name, Serde<V> values,
            MockProcessorContext<?, ?> context) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
