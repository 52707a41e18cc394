package dev.roletrail.simulator.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.roletrail.schemas.Json;

/**
 * {@code labels.json}: the labels of a simulated dataset, with the counts evaluation needs to turn false alarms into
 * a rate.
 *
 * @param benignEvents events of benign traffic (duplicates included, as delivered)
 * @param attackEvents events the scenarios injected
 */
public record LabelsFile(long seed, String organizationId, List<String> accounts, List<String> trustedExternal,
        long benignEvents, long attackEvents, List<Label> labels) {

    public LabelsFile {
        Objects.requireNonNull(organizationId, "organizationId");
        accounts = List.copyOf(accounts);
        trustedExternal = List.copyOf(trustedExternal);
        labels = List.copyOf(labels);
        if (benignEvents < 0 || attackEvents < 0) {
            throw new IllegalArgumentException("event counts cannot be negative");
        }
    }

    public byte[] toJson() {
        try {
            return Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LabelsFile fromJson(byte[] json) {
        try {
            return Json.mapper().readValue(json, LabelsFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("labels.json cannot be read: " + e.getMessage(), e);
        }
    }
}
