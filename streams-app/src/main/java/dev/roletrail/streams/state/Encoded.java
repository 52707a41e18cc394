package dev.roletrail.streams.state;

import java.util.Objects;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A store value that stays in its encoded bytes until someone reads it. A range over a store decodes every value it
 * passes; when most are only looked at by key (the open findings a findings pass compares with, most of which did not
 * change), decoding them was a tenth of the stream threads' CPU. The bytes are those of the value's own serde, so a
 * store changes nothing on its changelog by holding {@code Encoded} values.
 * <p>
 * Not thread-safe, like the stores' values: the first {@link #value()} decodes and keeps the result.
 *
 * @param <V> the value type
 */
public final class Encoded<V> {

    private final Deserializer<V> decoder;
    private byte[] bytes;
    private V value;

    private Encoded(Deserializer<V> decoder, byte[] bytes, V value) {
        this.decoder = decoder;
        this.bytes = bytes;
        this.value = value;
    }

    /** A value already decoded; encoded only when it is written. */
    public static <V> Encoded<V> of(V value) {
        return new Encoded<>(null, null, Objects.requireNonNull(value, "value"));
    }

    /** The decoded value, decoded now if it was not yet. */
    public V value() {
        if (value == null) {
            value = decoder.deserialize(null, bytes);
        }
        return value;
    }

    /** A serde whose values are decoded only when read, with {@code inner}'s bytes. */
    public static <V> Serde<Encoded<V>> serde(Serde<V> inner) {
        Serializer<V> encoder = inner.serializer();
        Deserializer<V> decoder = inner.deserializer();
        Serializer<Encoded<V>> serializer = (topic, encoded) -> {
            if (encoded == null) {
                return null;
            }
            if (encoded.bytes == null) {
                encoded.bytes = encoder.serialize(topic, encoded.value);
            }
            return encoded.bytes;
        };
        Deserializer<Encoded<V>> deserializer = (topic, bytes) -> bytes == null ? null
                : new Encoded<>(decoder, bytes, null);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
