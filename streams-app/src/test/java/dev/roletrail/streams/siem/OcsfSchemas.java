package dev.roletrail.streams.siem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.roletrail.schemas.Json;

/**
 * Validates OCSF records against the official OCSF 1.8.0 JSON Schemas (test resources {@code ocsf-1.8.0/}, with the
 * {@code cloud} and {@code datetime} profiles RoleTrail declares), plus what the schemas cannot say: {@code type_uid}
 * is {@code class_uid * 100 + activity_id}, the category is the class's thousands digit and {@code metadata.version}
 * is 1.8.0. Each schema is compiled once per JVM: they are 80-170 KB each.
 */
public final class OcsfSchemas {

    private static final Map<Integer, Schema> SCHEMAS = Map.of(
            2004, load("ocsf-1.8.0_2004_detection_finding_cloud+datetime.schema.json"),
            2008, load("ocsf-1.8.0_2008_iam_analysis_finding_cloud+datetime.schema.json"),
            3002, load("ocsf-1.8.0_3002_authentication_cloud+datetime.schema.json"),
            6003, load("ocsf-1.8.0_6003_api_activity_cloud+datetime.schema.json"));

    private OcsfSchemas() {
    }

    /** Every reason the record is not valid OCSF 1.8.0; empty when it is. */
    public static List<String> errors(String json) {
        JsonNode record;
        try {
            record = Json.mapper().readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        int classUid = record.path("class_uid").asInt(-1);
        Schema schema = SCHEMAS.get(classUid);
        if (schema == null) {
            return List.of("class_uid " + record.path("class_uid") + " is not a class RoleTrail writes");
        }
        List<String> errors = new ArrayList<>();
        schema.validate(json, InputFormat.JSON).forEach(error -> errors.add(error.toString()));
        long expectedType = classUid * 100L + record.path("activity_id").asInt();
        if (record.path("type_uid").asLong() != expectedType) {
            errors.add("type_uid must be class_uid * 100 + activity_id = " + expectedType + ", was "
                    + record.path("type_uid"));
        }
        if (record.path("category_uid").asInt() != classUid / 1000) {
            errors.add("category_uid must be " + classUid / 1000 + ", was " + record.path("category_uid"));
        }
        if (!"1.8.0".equals(record.path("metadata").path("version").asText())) {
            errors.add("metadata.version must be 1.8.0, was " + record.path("metadata").path("version"));
        }
        return errors;
    }

    /** Fails with the reasons and the record itself when it is not valid. */
    public static void assertValid(String json) {
        List<String> errors = errors(json);
        if (!errors.isEmpty()) {
            throw new AssertionError("invalid OCSF 1.8.0 record: " + errors + "\n" + json);
        }
    }

    /** The record's metadata.uid, or null when it has none. */
    public static String metadataUid(String json) {
        try {
            return Json.mapper().readTree(json).path("metadata").path("uid").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Schema load(String file) {
        try (InputStream in = OcsfSchemas.class.getResourceAsStream("/ocsf-1.8.0/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource ocsf-1.8.0/" + file);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
