package dev.roletrail.ingest;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Json;

/**
 * Sets a record's {@code eventTime} to an instant in ISO-8601 form ({@code 2022-09-27T17:09:18Z}), in place when it
 * is there, appended when it is not; every other field stays as it was (written out compactly).
 */
final class EventTimeRewrite {

    private EventTimeRewrite() {
    }

    static byte[] apply(byte[] record, Instant time) throws IOException {
        JsonNode tree = Json.mapper().readTree(record);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        object.put("eventTime", time.toString());
        return Json.mapper().writeValueAsBytes(object);
    }
}
