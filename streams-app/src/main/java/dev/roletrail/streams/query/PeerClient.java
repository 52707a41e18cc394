package dev.roletrail.streams.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.streams.state.HostInfo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;

/**
 * Asks another instance of the app over its query API, with the same bearer token (every instance shares it).
 * Its error answers come back as {@link ApiError} with the same status, so a 404 there is a 404 here.
 */
final class PeerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String token;

    PeerClient(String token) {
        this.token = token;
    }

    <T> T get(HostInfo host, String pathAndQuery, TypeReference<T> type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port()
                        + pathAndQuery)).timeout(TIMEOUT).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ApiError.unavailable("instance " + host + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.unavailable("interrupted while asking instance " + host);
        }
        try {
            if (response.statusCode() != 200) {
                JsonNode error = Json.mapper().readTree(response.body());
                String message = error == null || error.get("error") == null
                        ? new String(response.body(), StandardCharsets.UTF_8) : error.get("error").asText();
                throw new ApiError(response.statusCode(), message);
            }
            return Json.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw ApiError.unavailable("instance " + host + " answered something unreadable: " + e.getMessage());
        }
    }
}
