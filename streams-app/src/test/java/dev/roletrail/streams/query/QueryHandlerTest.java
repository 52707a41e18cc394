package dev.roletrail.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.keys.KeyUsage;
import dev.roletrail.streams.profile.AccessEdge;
import dev.roletrail.streams.profile.PrincipalProfile;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.ReportSamples;
import dev.roletrail.streams.report.WeeklyReport;

class QueryHandlerTest {

    private static final String TOKEN = "s3cret-token-0123456789";
    private static final String ALICE = ReportSamples.ALICE;

    private final HttpClient http = HttpClient.newHttpClient();
    private QueryServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAnswerAPrincipalWhoseArnHoldsSlashes() throws Exception {
        start(null);

        HttpResponse<String> response = get("/principals/" + PathSegment.encode(ALICE), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.at("/profile/principal").asText()).isEqualTo(ALICE);
        assertThat(body.at("/roles/0/role").asText()).isEqualTo(ReportSamples.ADMIN);
    }

    @Test
    void shouldAnswer404WithAJsonErrorForAnUnknownEntity() throws Exception {
        start(null);

        HttpResponse<String> principal = get("/principals/nobody", null);
        HttpResponse<String> key = get("/keys/AKIAUNKNOWN", null);
        HttpResponse<String> path = get("/nothing-here", null);

        assertThat(List.of(principal.statusCode(), key.statusCode(), path.statusCode())).containsOnly(404);
        assertThat(Json.mapper().readTree(principal.body()).get("error").asText()).contains("nobody");
    }

    @Test
    void shouldAnswer400ForBadInput() throws Exception {
        start(null);

        assertThat(get("/alerts?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(get("/alerts?limit=abc", null).statusCode()).isEqualTo(400);
        assertThat(get("/alerts?from=yesterday", null).statusCode()).isEqualTo(400);
        assertThat(get("/reports/2026-47", null).statusCode()).isEqualTo(400);
        assertThat(get("/findings?kind=unknown-kind", null).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldFilterFindingsAndCapAlerts() throws Exception {
        start(null);

        JsonNode findings = Json.mapper().readTree(get("/findings?kind=dormant-key&status=open", null).body());
        JsonNode alerts = Json.mapper().readTree(get("/alerts?limit=1", null).body());

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("id").asText()).isEqualTo("f-3");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("id").asText()).isEqualTo("a-1");
    }

    @Test
    void shouldFilterIdentitiesByKindOwnerAccountAndType() throws Exception {
        start(null);

        assertThat(identityIds("/identities")).hasSize(ReportSamples.identities().size());
        assertThat(identityIds("/identities?kind=workload"))
                .containsExactly(ReportSamples.CI_BOT, ReportSamples.CI_BOT_KEY, ReportSamples.LEGACY);
        assertThat(identityIds("/identities?owner=none"))
                .containsExactly(ReportSamples.CI_BOT_KEY, "account:" + ReportSamples.VENDOR);
        assertThat(identityIds("/identities?owner=team-platform")).containsExactly(ReportSamples.CI_BOT);
        assertThat(identityIds("/identities?account=" + ReportSamples.VENDOR))
                .containsExactly("account:" + ReportSamples.VENDOR);
        assertThat(identityIds("/identities?type=iam-user"))
                .containsExactly(ReportSamples.CI_BOT, ReportSamples.OPS_SHARED);
        assertThat(identityIds("/identities?kind=workload&owner=none&type=access-key&account=" + ReportSamples.PROD))
                .as("filters combine").containsExactly(ReportSamples.CI_BOT_KEY);
        assertThat(identityIds("/identities?kind=workload&type=role&owner=none")).isEmpty();
    }

    @Test
    void shouldAnswer400NamingTheParameterForAWrongIdentityKindOrType() throws Exception {
        start(null);

        HttpResponse<String> kind = get("/identities?kind=robot", null);
        HttpResponse<String> type = get("/identities?type=group", null);

        assertThat(List.of(kind.statusCode(), type.statusCode())).containsOnly(400);
        assertThat(Json.mapper().readTree(kind.body()).get("error").asText())
                .isEqualTo("parameter kind: unknown identity kind 'robot'");
        assertThat(Json.mapper().readTree(type.body()).get("error").asText())
                .isEqualTo("parameter type: unknown identity type 'group'");
    }

    @Test
    void shouldAnswerOneIdentityByItsUrlEncodedId() throws Exception {
        start(null);

        JsonNode user = Json.mapper().readTree(get("/identities/" + PathSegment.encode(ReportSamples.CI_BOT), null)
                .body());
        HttpResponse<String> subject = get("/identities/" + PathSegment.encode(ReportSamples.GITHUB_SUBJECT), null);
        HttpResponse<String> unknown = get("/identities/" + PathSegment.encode("arn:aws:iam::1:user/nobody"), null);

        assertThat(user.get("id").asText()).isEqualTo(ReportSamples.CI_BOT);
        assertThat(user.get("kind").asText()).isEqualTo("workload");
        assertThat(user.get("credential").asText()).isEqualTo("long-lived-key");
        assertThat(user.get("reachedRoles").get(0).asText()).isEqualTo(ReportSamples.READER);
        assertThat(subject.statusCode()).as(subject.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(subject.body()).get("id").asText()).isEqualTo(ReportSamples.GITHUB_SUBJECT);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(unknown.body()).get("error").asText()).contains("user/nobody");
    }

    private List<String> identityIds(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(pathAndQuery, null);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Json.mapper().readTree(response.body()).forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    @Test
    void shouldServeTheLatestReportAndOneScopeOfAWeek() throws Exception {
        start(null);

        JsonNode latest = Json.mapper().readTree(get("/reports/latest", null).body());
        JsonNode account = Json.mapper().readTree(get("/reports/2026-W47?scope=" + ReportSamples.PROD, null).body());

        assertThat(latest.get("scope").asText()).isEqualTo("org");
        assertThat(account.get("scope").asText()).isEqualTo(ReportSamples.PROD);
        assertThat(get("/reports/latest?scope=000000000000", null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRequireTheBearerTokenWhenOneIsSet() throws Exception {
        start(TOKEN);

        assertThat(get("/findings", null).statusCode()).isEqualTo(401);
        assertThat(get("/findings", "Bearer wrong-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(get("/findings", TOKEN).statusCode()).as("no Bearer prefix").isEqualTo(401);
        assertThat(get("/findings", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/health", null).statusCode()).as("probes need no token").isEqualTo(200);
    }

    @Test
    void shouldRefuseAnythingButGet() throws Exception {
        start(null);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/findings"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void shouldTellReadinessFromTheStreamsState() throws Exception {
        start(null);

        assertThat(get("/ready", null).statusCode()).isEqualTo(503);
        assertThat(Json.mapper().readTree(get("/health", null).body()).get("streams").asText()).isEqualTo("REBALANCING");
    }

    @Test
    void shouldRequireATokenWhenBoundBeyondLoopback() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> QueryConfig.from(Settings.of(Map.of("query.bind", "0.0.0.0"))));

        assertThat(e.getMessage()).contains("query.token", "query.bind");
        assertThat(QueryConfig.from(Settings.of(Map.of("query.bind", "0.0.0.0", "query.token", TOKEN))).toString())
                .doesNotContain(TOKEN);
    }

    private void start(String token) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("query.port", "0"));
        if (token != null) {
            settings.put("query.token", token);
        }
        server = QueryServer.bind(QueryConfig.from(Settings.of(settings)));
        server.start(new CannedQueries());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.advertised().port() + pathAndQuery);
    }

    @Test
    void shouldAnswerTheDataSpanAsAnObjectAndToAPeerAsAList() throws Exception {
        start(null);

        JsonNode span = Json.mapper().readTree(get("/data-span", null).body());
        JsonNode local = Json.mapper().readTree(get("/data-span?local=true", null).body());

        assertThat(span.get("first").asText()).isEqualTo("2026-10-01T09:00:00Z");
        assertThat(span.get("last").asText()).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(span.get("events").asLong()).isEqualTo(120);
        assertThat(local.isArray()).as(local.toString()).isTrue();
        assertThat(local.get(0)).isEqualTo(span);
    }

    @Test
    void shouldAccountForEveryRecord() throws Exception {
        start(null);

        JsonNode accounting = Json.mapper().readTree(get("/accounting", null).body());

        assertThat(accounting.get("records").asLong()).isEqualTo(123);
        assertThat(accounting.get("principalEvents").asLong()).isEqualTo(120);
        assertThat(accounting.at("/excluded/duplicate").asLong()).isEqualTo(3);
    }

    private HttpResponse<String> get(String pathAndQuery, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sample organisation's week, as a running app would answer it. */
    private static final class CannedQueries implements Queries {

        @Override
        public PrincipalView principal(String id, boolean local) {
            if (!id.equals(ALICE)) {
                throw ApiError.notFound("no principal '" + id + "' has been observed");
            }
            PrincipalProfile profile = new PrincipalProfile(ALICE, PrincipalType.IAM_USER, ReportSamples.PROD,
                    Instant.parse("2026-10-01T09:00:00Z"), Instant.parse("2026-11-20T09:30:00Z"), 120);
            return new PrincipalView(profile, ReportSamples.edges().subList(0, 1), List.of(), List.of(),
                    profile.lastSeen());
        }

        @Override
        public List<AccessEdge> assumers(String roleArn, boolean local) {
            return ReportSamples.edges().stream().filter(e -> e.role().equals(roleArn)).toList();
        }

        @Override
        public List<AccessEdge> edges(boolean local) {
            return ReportSamples.edges();
        }

        @Override
        public Optional<KeyUsage> key(String keyId, boolean local) {
            return Optional.empty();
        }

        @Override
        public List<Alert> alerts(int limit, Instant from, Instant to, boolean local) {
            return ReportSamples.alerts().stream().limit(limit).toList();
        }

        @Override
        public List<Finding> findings(boolean local) {
            return ReportSamples.findings();
        }

        @Override
        public List<Identity> identities(boolean local) {
            return ReportSamples.identities();
        }

        @Override
        public Identity identity(String id, boolean local) {
            return ReportSamples.identities().stream().filter(i -> i.id().equals(id)).findFirst()
                    .orElseThrow(() -> ApiError.notFound("no identity '" + id + "' is in the inventory"));
        }

        @Override
        public Optional<DataSpan> dataSpan(boolean local) {
            return Optional.of(new DataSpan(Instant.parse("2026-10-01T09:00:00Z"), Instant.parse("2026-11-20T09:30:00Z"),
                    120));
        }

        @Override
        public RecordAccounting accounting(boolean local) {
            return RecordAccounting.of(120, Map.of("duplicate", 3L));
        }

        @Override
        public Optional<WeeklyReport> latestReport(String scope) {
            return WeeklyReport.ORG.equals(scope) ? Optional.of(ReportSamples.orgReport()) : Optional.empty();
        }

        @Override
        public List<WeeklyReport> reports(IsoWeek week) {
            return dev.roletrail.streams.report.ReportBuilder.build(week, ReportSamples.GENERATED,
                    ReportSamples.inputs(), Map.of());
        }

        @Override
        public boolean ready() {
            return false;
        }

        @Override
        public String state() {
            return "REBALANCING";
        }
    }
}
