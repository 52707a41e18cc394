package dev.roletrail.schemas.inventory;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/** A policy embedded in a user, role or group; the document is the decoded JSON policy (read-only). */
public record InlinePolicy(String name, JsonNode document) {

    public InlinePolicy {
        Objects.requireNonNull(name, "name");
    }
}
