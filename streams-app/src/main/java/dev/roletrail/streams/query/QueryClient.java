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
 * A client of the query API: one instance asking another (with the same bearer token: every instance shares it),
 * or {@code roletrail report} asking a running app. Error answers come back as {@link ApiError} with the same
 * status, so a 404 there is a 404 here; no answer at all is a 503.
 */
public final class QueryClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String token;
    private final Duration timeout;

    /** @param token the bearer token, or null */
    public QueryClient(String token, Duration timeout) {
        this.token = token;
        this.timeout = timeout;
    }

    <T> T get(HostInfo host, String pathAndQuery, TypeReference<T> type) {
        return get(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery), type);
    }

    public <T> T get(URI uri, TypeReference<T> type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ApiError.unavailable(uri.getHost() + ":" + uri.getPort() + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.unavailable("interrupted while asking " + uri.getHost() + ":" + uri.getPort());
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
            throw ApiError.unavailable(uri.getHost() + ":" + uri.getPort() + " answered something unreadable: "
                    + e.getMessage());
        }
    }
}
