package dev.roletrail.streams.siem;

import java.util.Objects;

import org.apache.kafka.streams.KeyValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Strings;

/**
 * One OCSF record for the SIEM topic: key {@code metadata.uid}, value the record as JSON. Built from a Jackson tree,
 * so attacker-controlled strings are always escaped as JSON string values, never spliced into the text.
 */
public record OcsfEvent(String uid, String json) {

    public OcsfEvent {
        Objects.requireNonNull(json, "json");
        if (Strings.isBlank(uid)) {
            throw new IllegalArgumentException("an OCSF record needs a metadata.uid");
        }
    }

    public static OcsfEvent of(ObjectNode event) {
        try {
            return new OcsfEvent(event.path("metadata").path("uid").asText(null),
                    Json.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an OCSF record", e);
        }
    }

    public KeyValue<String, String> keyValue() {
        return KeyValue.pair(uid, json);
    }
}
