package dev.roletrail.streams.query;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.schemas.identity.IdentityType;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.WeeklyReport;

/**
 * The routes of the read-only query API, JSON in and out. Ids are the rest of the path (ARNs hold {@code /}), decoded
 * from percent-encoding. {@code /health} and {@code /ready} need no token, so probes can reach them; they tell only
 * the app's state.
 */
public final class QueryHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(QueryHandler.class);
    static final int DEFAULT_ALERTS = 50;
    static final int MAX_ALERTS = 1_000;
    /** The {@code owner} filter's value for identities without an owner. */
    static final String NO_OWNER = "none";

    private final Queries queries;
    private final BearerAuth auth;

    public QueryHandler(Queries queries, String token) {
        this.queries = queries;
        this.auth = new BearerAuth(token);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer = answerOrError(exchange);
            send(exchange, answer.status(), answer.body());
        }
    }

    private Answer answerOrError(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                return new Answer(405, error("only GET is supported"));
            }
            if (!path.equals("/health") && !path.equals("/ready")
                    && !auth.allows(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                return new Answer(401, error("a valid bearer token is required"));
            }
            return answer(path, params(exchange.getRequestURI().getRawQuery()));
        } catch (ApiError e) {
            return new Answer(e.status(), error(e.getMessage()));
        } catch (IllegalArgumentException e) {
            return new Answer(400, error(e.getMessage()));
        } catch (InvalidStateStoreException e) {
            return new Answer(503, error("state is moving between instances; retry shortly"));
        } catch (RuntimeException e) {
            LOG.warn("query {} failed", path, e);
            return new Answer(500, error("internal error"));
        }
    }

    private record Answer(int status, Object body) {
    }

    private Answer answer(String path, Map<String, String> params) {
        boolean local = Boolean.parseBoolean(params.get("local"));
        if (path.equals("/health")) {
            return new Answer(200, Map.of("status", "UP", "streams", queries.state()));
        }
        if (path.equals("/ready")) {
            boolean ready = queries.ready();
            return new Answer(ready ? 200 : 503, Map.of("ready", ready, "streams", queries.state()));
        }
        if (path.startsWith("/principals/")) {
            return ok(queries.principal(id(path, "/principals/", ""), local));
        }
        if (path.startsWith("/roles/") && path.endsWith("/assumers")) {
            return ok(queries.assumers(id(path, "/roles/", "/assumers"), local));
        }
        if (path.equals("/edges")) {
            return ok(queries.edges(local));
        }
        if (path.startsWith("/keys/")) {
            String keyId = id(path, "/keys/", "");
            return ok(queries.key(keyId, local)
                    .orElseThrow(() -> ApiError.notFound("no access key '" + keyId + "' has been observed")));
        }
        if (path.equals("/alerts")) {
            int limit = limit(params.get("limit"), local ? ClusterQueries.MAX_ALERTS : MAX_ALERTS);
            return ok(queries.alerts(limit, instant(params, "from", Instant.EPOCH),
                    instant(params, "to", Instant.parse("9999-12-31T00:00:00Z")), local));
        }
        if (path.equals("/findings")) {
            return ok(filter(queries.findings(local), params));
        }
        if (path.equals("/identities")) {
            return ok(filterIdentities(queries.identities(local), params));
        }
        if (path.startsWith("/identities/")) {
            return ok(queries.identity(id(path, "/identities/", ""), local));
        }
        if (path.equals("/data-span")) {
            // Asked locally (by a peer gathering), a list of zero or one span: an instance may hold no principal yet.
            Optional<DataSpan> span = queries.dataSpan(local);
            return local ? ok(span.stream().toList())
                    : ok(span.orElseThrow(() -> ApiError.notFound("no CloudTrail event has been observed yet")));
        }
        if (path.equals("/accounting")) {
            // Asked locally (by a peer gathering), a list of one, as every gathered answer is.
            RecordAccounting accounting = queries.accounting(local);
            return ok(local ? List.of(accounting) : accounting);
        }
        if (path.equals("/reports/latest")) {
            String scope = params.getOrDefault("scope", WeeklyReport.ORG);
            return ok(queries.latestReport(scope)
                    .orElseThrow(() -> ApiError.notFound("no report has been published for scope '" + scope + "'")));
        }
        if (path.startsWith("/reports/")) {
            return ok(reports(IsoWeek.parse(id(path, "/reports/", "")), params.get("scope")));
        }
        throw ApiError.notFound("no such endpoint: " + path);
    }

    private Object reports(IsoWeek week, String scope) {
        List<WeeklyReport> reports = queries.reports(week);
        if (scope == null) {
            return reports;
        }
        return reports.stream().filter(r -> r.scope().equals(scope)).findFirst()
                .orElseThrow(() -> ApiError.notFound("no report of " + week + " for scope '" + scope + "'"));
    }

    private static List<Finding> filter(List<Finding> findings, Map<String, String> params) {
        FindingStatus status = params.containsKey("status")
                ? FindingStatus.valueOf(params.get("status").toUpperCase(Locale.ROOT)) : null;
        FindingKind kind = wireId(params, "kind", FindingKind::fromId);
        String account = params.get("account");
        return findings.stream()
                .filter(f -> status == null || f.status() == status)
                .filter(f -> kind == null || f.kind() == kind)
                .filter(f -> account == null || account.equals(f.account()))
                .toList();
    }

    /** {@code owner=none}: the identities without an owner. */
    private static List<Identity> filterIdentities(List<Identity> identities, Map<String, String> params) {
        IdentityKind kind = wireId(params, "kind", IdentityKind::fromId);
        IdentityType type = wireId(params, "type", IdentityType::fromId);
        String owner = params.get("owner");
        String account = params.get("account");
        return identities.stream()
                .filter(i -> kind == null || i.kind() == kind)
                .filter(i -> type == null || i.type() == type)
                .filter(i -> owner == null || (NO_OWNER.equals(owner) ? i.owner() == null : owner.equals(i.owner())))
                .filter(i -> account == null || account.equals(i.account()))
                .toList();
    }

    /** A parameter holding an enum's wire id, or null when absent; a wrong one is a 400 naming the parameter. */
    private static <E extends Enum<E>> E wireId(Map<String, String> params, String name, Function<String, E> parse) {
        String text = params.get(name);
        try {
            return text == null ? null : parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("parameter " + name + ": " + e.getMessage());
        }
    }

    private static String id(String path, String prefix, String suffix) {
        String id = path.substring(prefix.length(), path.length() - suffix.length());
        if (id.isBlank()) {
            throw ApiError.badRequest("the path " + path + " names no id");
        }
        return id;
    }

    private static int limit(String text, int max) {
        if (text == null) {
            return Math.min(DEFAULT_ALERTS, max);
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit < 1 || limit > max) {
                throw ApiError.badRequest("limit must be between 1 and " + max + ", was " + limit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("limit must be a whole number, was '" + text + "'");
        }
    }

    private static Instant instant(Map<String, String> params, String name, Instant absent) {
        String text = params.get(name);
        try {
            return text == null ? absent : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " must be an ISO-8601 instant, was '" + text + "'");
        }
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static Answer ok(Object body) {
        return new Answer(200, body);
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message == null ? "error" : message);
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
