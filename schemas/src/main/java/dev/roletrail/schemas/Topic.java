package dev.roletrail.schemas;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serde;

/** A Kafka topic with the serdes of its key and value, so producers, the topology and tests agree on both. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
    }

    /** The same topic under another name, e.g. a per-test or per-deployment prefix. */
    public Topic<K, V> named(String otherName) {
        return new Topic<>(otherName, keySerde, valueSerde);
    }
}
