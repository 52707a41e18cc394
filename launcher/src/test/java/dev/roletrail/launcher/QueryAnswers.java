package dev.roletrail.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Json;

/**
 * A streams app instance's query API answers to a fixed set of questions: the scans every instance gathers from the
 * whole cluster (access graph, alerts, findings, data span, record accounting) and each principal's view, which only
 * the instance owning its partition holds.
 */
final class QueryAnswers {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> paths;

    QueryAnswers(List<String> principals) {
        List<String> all = new ArrayList<>(List.of("/edges", ALERTS, FINDINGS, "/data-span",
                "/accounting"));
        principals.forEach(p -> all.add("/principals/" + URLEncoder.encode(p, StandardCharsets.UTF_8)));
        this.paths = List.copyOf(all);
    }

    static final String ALERTS = "/alerts?limit=1000";
    static final String FINDINGS = "/findings";

    /** The ids of the items of an answer (alerts, findings), as {@link #of} gives it. */
    static List<String> ids(String answer) throws IOException {
        List<String> ids = new ArrayList<>();
        Json.mapper().readTree(answer.substring(answer.indexOf(' ') + 1)).forEach(item -> ids.add(item.get("id")
                .asText()));
        return ids.stream().sorted().toList();
    }

    /** Path → status and body as JSON text, so that two instances' answers compare as a whole. */
    Map<String, String> of(URI instance) throws IOException, InterruptedException {
        Map<String, String> answers = new TreeMap<>();
        for (String path : paths) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(instance.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.mapper().readTree(response.body());
            if (path.startsWith("/alerts")) {
                // Compared without their baseline text, as on the alerts topic: see RunOutcome.alertsWithoutBaseline.
                body.forEach(alert -> ((ObjectNode) alert).remove("baseline"));
            }
            answers.put(path, response.statusCode() + " " + body);
        }
        return answers;
    }
}
