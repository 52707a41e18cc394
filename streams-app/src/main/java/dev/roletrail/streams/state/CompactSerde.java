package dev.roletrail.streams.state;

import java.util.Objects;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A hand-written binary form, for the values that cross the busiest internal topics, more than one per input record
 * together (JFR put Jackson's CBOR writing of them at 3 % of the stream threads' samples, besides their share of the
 * 4 % of reading at the sources). The first byte is the form's version, then the fields in the order the
 * {@link Codec} writes them, with no names. A version (1 up to the codec's {@link Codec#version()}, at most 23) is a
 * CBOR unsigned integer and no CBOR map (those start with 0xA0–0xBF), so what {@link StateSerde} wrote before an
 * upgrade, still in a repartition topic or a changelog, is read with it: a running deployment upgrades without a
 * reset. A codec writes its latest version and reads every earlier one, for the same reason.
 */
public final class CompactSerde<T> implements Serde<T> {

    /** The first version, and every codec's until its form changes. */
    static final byte VERSION = 1;
    /** Versions stay CBOR integers of one byte (0–23), far from the maps (0xA0–0xBF) that StateSerde wrote. */
    private static final int LAST_VERSION = 23;

    /** Writes and reads one type's fields, in one fixed order. */
    public interface Codec<T> {

        void write(T value, CompactWriter out);

        T read(CompactReader in);

        /** The version {@link #write} writes; a codec that changed its form reads the earlier ones too. */
        default int version() {
            return VERSION;
        }

        /** Reads a value written in {@code version}, which is at most {@link #version()}. */
        default T read(CompactReader in, int version) {
            return read(in);
        }
    }

    private final Class<T> type;
    private final Codec<T> codec;
    /** What {@link StateSerde} wrote before the compact form. */
    private final Deserializer<T> cbor;

    private CompactSerde(Class<T> type, Codec<T> codec) {
        this.type = type;
        this.codec = Objects.requireNonNull(codec, "codec");
        if (codec.version() < VERSION || codec.version() > LAST_VERSION) {
            throw new IllegalArgumentException("a compact form's version is 1 to " + LAST_VERSION + ", not "
                    + codec.version());
        }
        this.cbor = StateSerde.of(type).deserializer();
    }

    public static <T> CompactSerde<T> of(Class<T> type, Codec<T> codec) {
        return new CompactSerde<>(type, codec);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 0 || bytes[0] < VERSION || bytes[0] > codec.version()) {
                return cbor.deserialize(topic, bytes); // written by StateSerde, before the compact form
            }
            return decode(bytes);
        };
    }

    byte[] encode(T value) {
        CompactWriter out = new CompactWriter();
        out.writeByte(codec.version());
        codec.write(value, out);
        return out.toByteArray();
    }

    T decode(byte[] bytes) {
        try {
            CompactReader in = new CompactReader(bytes, 1);
            T value = codec.read(in, bytes[0]);
            in.requireEnd();
            return value;
        } catch (RuntimeException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from its compact form", e);
        }
    }
}
