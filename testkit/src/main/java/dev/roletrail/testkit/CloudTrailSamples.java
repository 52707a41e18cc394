package dev.roletrail.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real CloudTrail records shipped in this module's resources under {@code cloudtrail/} (provenance in the README
 * there): Stratus Red Team detonation logs (one JSON array of records per attack technique) and the example records
 * of the AWS documentation (JSON lines of {@code {"source","doc","section","event"}}).
 */
public final class CloudTrailSamples {

    public static final String AWS_DOCS_IAM = "awsdocs_iam_user_guide_examples.jsonl";
    public static final String AWS_DOCS_CLOUDTRAIL = "awsdocs_cloudtrail_user_guide_examples.jsonl";

    private static final String STRATUS_DIR = "cloudtrail/stratus-red-team/";
    private static final String AWS_DOCS_DIR = "cloudtrail/aws-docs-examples/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudTrailSamples() {
    }

    /** The Stratus Red Team file names, such as {@code aws.persistence.iam-backdoor-user.json}, as LABELS.csv lists them. */
    public static List<String> stratusFileNames() {
        // The first column of LABELS.csv; a class path directory cannot be listed portably once inside a jar.
        return read(STRATUS_DIR + "LABELS.csv").lines()
            .skip(1)
            .filter(line -> !line.isBlank())
            .map(line -> line.substring(0, line.indexOf(',')))
            .toList();
    }

    /** The raw text of one Stratus Red Team file: a JSON array of CloudTrail records. */
    public static String stratus(String fileName) {
        return read(STRATUS_DIR + fileName);
    }

    /** The CloudTrail records of one AWS documentation file ({@link #AWS_DOCS_IAM}, ...), each as compact JSON. */
    public static List<String> awsDocsEvents(String jsonlName) {
        return read(AWS_DOCS_DIR + jsonlName).lines()
            .filter(line -> !line.isBlank())
            .map(CloudTrailSamples::eventOf)
            .toList();
    }

    private static String eventOf(String jsonLine) {
        try {
            JsonNode event = JSON.readTree(jsonLine).get("event");
            if (event == null || !event.isObject()) {
                throw new IllegalStateException("No event object in line: " + jsonLine);
            }
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not a JSON line: " + jsonLine, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = CloudTrailSamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read sample " + resource, e);
        }
    }
}
