package dev.roletrail.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailSamples;

/**
 * The records of one Stratus Red Team detonation file as observations, and settings that make that file's own
 * (randomised) account the organisation, so "external" means another account than the detonation's.
 */
public final class StratusObservations {

    private StratusObservations() {
    }

    public static List<Observation> of(String fileName) {
        return records(fileName).stream().map(JsonNode::toString).map(TestObservations::of).toList();
    }

    /** The one observation of the file whose eventName is given. */
    public static Observation event(String fileName, String eventName) {
        List<Observation> matching = of(fileName).stream()
                .filter(observation -> eventName.equals(observation.event().eventName()))
                .toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException(fileName + " has " + matching.size() + " " + eventName + " records");
        }
        return matching.get(0);
    }

    /** The account the detonation ran in: the recipient account of its first record. */
    public static String account(String fileName) {
        return records(fileName).get(0).path("recipientAccountId").asText();
    }

    /** {@code org.accounts} set to the file's own account, plus any further settings as name, value pairs. */
    public static Settings settings(String fileName, String... more) {
        Map<String, String> values = new HashMap<>();
        values.put("org.accounts", account(fileName));
        for (int i = 0; i + 1 < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return Settings.of(values);
    }

    private static List<JsonNode> records(String fileName) {
        try {
            JsonNode array = Json.mapper().readTree(CloudTrailSamples.stratus(fileName));
            List<JsonNode> records = new ArrayList<>();
            array.forEach(records::add);
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
