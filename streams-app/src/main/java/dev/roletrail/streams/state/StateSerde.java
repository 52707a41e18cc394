package dev.roletrail.streams.state;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.roletrail.schemas.JsonSerde;

/**
 * The serde of what only the streams app reads back: state store values (and so their changelogs) and the internal
 * repartition topics. The same records as on the public topics, but as CBOR (binary JSON) with instants as epoch
 * milliseconds: every event reads and writes several stores, and text JSON with ISO-8601 instants was a quarter of
 * the stream threads' CPU. CloudTrail's times have whole seconds, so milliseconds lose nothing. Public topics keep
 * JSON, which people and other tools read.
 */
public final class StateSerde {

    private static final ObjectMapper MAPPER = CBORMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private StateSerde() {
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return JsonSerde.with(MAPPER, "CBOR", type);
    }

    /** A JSON tree as CBOR, for a compact form that carries one (e.g. a CloudTrail record's request parameters). */
    public static byte[] treeToBytes(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write a JSON tree as CBOR", e);
        }
    }

    /** The JSON tree {@link #treeToBytes} wrote. */
    public static JsonNode bytesToTree(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new SerializationException("cannot read a JSON tree from CBOR", e);
        }
    }
}
