package dev.roletrail.schemas;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * One generic JSON serde for RoleTrail's records: UTF-8 JSON written by {@link Json#mapper()}; null in, null out;
 * every failure wrapped in a {@link SerializationException} that names the type. {@link #with} gives the same serde
 * over another Jackson format (the streams app keeps its state as CBOR).
 */
public final class JsonSerde<T> implements Serde<T> {

    private final ObjectMapper mapper;
    /** Bound to the type once: {@code ObjectMapper.readValue} resolved the type and its deserializer every call. */
    private final ObjectReader reader;
    private final String format;
    private final Class<T> type;

    private JsonSerde(ObjectMapper mapper, String format, Class<T> type) {
        this.mapper = mapper;
        this.reader = mapper.readerFor(type);
        this.format = format;
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(Json.mapper(), "JSON", type);
    }

    /** @param format the format's name, for error messages */
    public static <T> JsonSerde<T> with(ObjectMapper mapper, String format, Class<T> type) {
        return new JsonSerde<>(mapper, format, type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return mapper.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " as " + format, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.readValue(bytes);
            } catch (IOException | IllegalArgumentException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from " + format, e);
            }
        };
    }
}
