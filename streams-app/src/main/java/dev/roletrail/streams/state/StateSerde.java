package dev.roletrail.streams.state;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The serde of what only the streams app reads back: state store values (and so their changelogs) and the internal
 * repartition topics. The same records as on the public topics, but as CBOR (binary JSON) with instants as epoch
 * milliseconds: every event reads and writes several stores, and text JSON with ISO-8601 instants was a quarter of
 * the stream threads' CPU. CloudTrail's times have whole seconds, so milliseconds lose nothing. Public topics keep
 * {@code JsonSerde}, which people and other tools read.
 */
public final class StateSerde<T> implements Serde<T> {

    private static final ObjectMapper MAPPER = CBORMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final Class<T> type;

    private StateSerde(Class<T> type) {
        this.type = type;
    }

    public static <T> StateSerde<T> of(Class<T> type) {
        return new StateSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " as CBOR", e);
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
                return MAPPER.readValue(bytes, type);
            } catch (IOException | IllegalArgumentException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from CBOR", e);
            }
        };
    }
}
