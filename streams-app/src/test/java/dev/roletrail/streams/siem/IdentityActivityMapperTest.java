package dev.roletrail.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

class IdentityActivityMapperTest {

    private static final String DEPLOY = SiemSamples.DEPLOY;
    private static final Session DEPLOY_SESSION = new Session("ASIADEPLOYSESSION", DEPLOY, SiemSamples.ALICE,
            List.of(SiemSamples.ALICE, DEPLOY), "alice@example.com", "AssumeRole", "alice-deploy",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"), "203.0.113.0/24", "e-0");

    private final IdentityActivityMapper mapper = new IdentityActivityMapper();

    @Test
    void shouldMapAChainedAssumeRoleToApiActivityNamingItsOrigin() {
        Observation chained = TestObservations.inSession(
                CloudTrailEvent.byRoleSession(DEPLOY, "alice-deploy").assumeRole(SiemSamples.ADMIN), DEPLOY_SESSION);

        JsonNode ocsf = valid(chained);

        assertThat(List.of(ocsf.path("class_uid").asInt(), ocsf.path("category_uid").asInt(),
                ocsf.path("activity_id").asInt(), ocsf.path("type_uid").asInt(), ocsf.path("status_id").asInt(),
                ocsf.path("severity_id").asInt())).containsExactly(6003, 6, 1, 600301, 1, 1);
        assertThat(ocsf.at("/api/operation").asText()).isEqualTo("AssumeRole");
        assertThat(ocsf.at("/api/service/name").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(ocsf.at("/resources/0/uid").asText()).isEqualTo(SiemSamples.ADMIN);
        assertThat(ocsf.at("/actor/user/uid").asText()).isEqualTo(DEPLOY);
        assertThat(ocsf.at("/actor/session/issuer").asText()).isEqualTo(DEPLOY);
        assertThat(ocsf.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.10");
        JsonNode lineage = ocsf.at("/enrichments/0");
        assertThat(lineage.path("value").asText()).as("the origin, not the last role").isEqualTo(SiemSamples.ALICE);
        assertThat(lineage.at("/data/chain").toString())
                .isEqualTo("[\"" + SiemSamples.ALICE + "\",\"" + DEPLOY + "\"]");
        assertThat(lineage.at("/data/source_identity").asText()).isEqualTo("alice@example.com");
    }

    @Test
    void shouldMapCredentialAndTrustChangesWithTheirActivity() {
        Map<String, Integer> typeUids = new TreeMap<>();
        CloudTrailEvent alice = CloudTrailEvent.byUser(SiemSamples.ALICE);
        for (String call : List.of("CreateAccessKey", "UpdateAccessKey", "DeleteAccessKey", "CreateLoginProfile",
                "UpdateAssumeRolePolicy")) {
            typeUids.put(call, valid(TestObservations.of(alice.iam(call).requestParameter("userName", "bob")))
                    .path("type_uid").asInt());
        }
        typeUids.put("GetSessionToken", valid(TestObservations.of(alice.getSessionToken())).path("type_uid").asInt());
        typeUids.put("GetFederationToken",
                valid(TestObservations.of(alice.getFederationToken("vendor"))).path("type_uid").asInt());

        assertThat(typeUids).isEqualTo(Map.of("CreateAccessKey", 600301, "UpdateAccessKey", 600303,
                "DeleteAccessKey", 600304, "CreateLoginProfile", 600301, "UpdateAssumeRolePolicy", 600303,
                "GetSessionToken", 600301, "GetFederationToken", 600301));
    }

    @Test
    void shouldNameTheUserWhoseKeyChangedAndTheCallerType() {
        JsonNode ocsf = valid(TestObservations.of(CloudTrailEvent.byUser(SiemSamples.ALICE).iam("CreateAccessKey")
                .requestParameter("userName", "bob")));
        JsonNode root = valid(TestObservations.of(CloudTrailEvent.byRoot(SiemSamples.ACCOUNT)
                .call("signin.amazonaws.com", "ConsoleLogin")));

        assertThat(List.of(ocsf.at("/resources/0/name").asText(), ocsf.at("/resources/0/type").asText(),
                ocsf.at("/actor/user/type").asText())).containsExactly("bob", "AWS::IAM::User", "User");
        assertThat(List.of(root.at("/user/type_id").asInt(), root.at("/class_uid").asInt())).containsExactly(2, 3002);
    }

    @Test
    void shouldReportARefusedCallAsAFailure() {
        JsonNode ocsf = valid(TestObservations.of(CloudTrailEvent.byUser(SiemSamples.ALICE)
                .assumeRole(SiemSamples.ADMIN).denied()));

        assertThat(List.of(ocsf.path("status_id").asInt(), ocsf.path("status").asText()))
                .containsExactly(2, "Failure");
        assertThat(ocsf.path("status_code").asText()).isEqualTo("AccessDenied");
    }

    @Test
    void shouldMapConsoleSignInsToAuthentication() {
        List<String> logins = new ArrayList<>();
        for (String record : awsDocsEvents()) {
            Observation observation = TestObservations.of(record);
            if ("ConsoleLogin".equals(observation.event().eventName())) {
                JsonNode ocsf = valid(observation);
                logins.add(ocsf.path("type_uid").asInt() + " " + ocsf.path("status").asText() + " mfa="
                        + ocsf.path("is_mfa").asBoolean() + " " + ocsf.at("/user/uid").asText().isEmpty());
            }
        }

        assertThat(logins).as("every documented ConsoleLogin: Logon, success or failure, the user named")
                .isNotEmpty()
                .allSatisfy(login -> assertThat(login).startsWith("300201 ").endsWith(" false"))
                .anySatisfy(login -> assertThat(login).contains("Failure"))
                .anySatisfy(login -> assertThat(login).contains("Success mfa=true"));
    }

    @Test
    void shouldMapEveryDocumentedIdentityCallToAValidRecordAndIgnoreTheRest() {
        Map<Integer, Integer> byClass = new TreeMap<>();
        for (String record : awsDocsEvents()) {
            mapper.map(TestObservations.of(record)).ifPresent(event -> {
                OcsfSchemas.assertValid(event.json());
                byClass.merge(SiemSamples.parse(event).path("class_uid").asInt(), 1, Integer::sum);
            });
        }

        assertThat(byClass).containsOnlyKeys(3002, 6003);
    }

    @Test
    void shouldIgnoreOtherCallsAndLookalikesFromOtherServices() {
        CloudTrailEvent alice = CloudTrailEvent.byUser(SiemSamples.ALICE);

        assertThat(mapper.map(TestObservations.of(alice.call("iam.amazonaws.com", "ListRoles")))).isEmpty();
        assertThat(mapper.map(TestObservations.of(CloudTrailEvent.byUser(SiemSamples.ALICE)
                .call("example.amazonaws.com", "AssumeRole")))).isEmpty();
        assertThat(mapper.map(TestObservations.of(CloudTrailEvent.byUser(SiemSamples.ALICE)
                .call("iam.amazonaws.com", "ConsoleLogin")))).isEmpty();
    }

    @Test
    void shouldCarryAHostileSessionNameAndUserAgentAsData() {
        String hostile = "s\"},\"class_uid\":1,\"x\":{\"y\":\"</td><script>\n";
        JsonNode ocsf = valid(TestObservations.of(CloudTrailEvent.byUser(SiemSamples.ALICE)
                .assumeRole(SiemSamples.ADMIN).requestParameter("roleSessionName", hostile).userAgent(hostile)));

        assertThat(ocsf.at("/unmapped/request_parameters/roleSessionName").asText()).isEqualTo(hostile);
        assertThat(ocsf.at("/http_request/user_agent").asText()).isEqualTo(hostile);
        assertThat(ocsf.path("class_uid").asInt()).isEqualTo(6003);
    }

    @Test
    void shouldTellAddressesFromServiceNames() {
        CloudTrailEvent alice = CloudTrailEvent.byUser(SiemSamples.ALICE).assumeRole(SiemSamples.ADMIN);

        assertThat(valid(TestObservations.of(alice.from("ec2.amazonaws.com"))).at("/src_endpoint/svc_name").asText())
                .isEqualTo("ec2.amazonaws.com");
        assertThat(valid(TestObservations.of(alice.from("2001:db8::7"))).at("/src_endpoint/ip").asText())
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(valid(TestObservations.of(alice.from("999.1.1.1"))).at("/src_endpoint").has("ip"))
                .as("not an address").isFalse();
    }

    private JsonNode valid(Observation observation) {
        Optional<OcsfEvent> event = mapper.map(observation);
        assertThat(event).as(observation.event().eventName()).isPresent();
        OcsfSchemas.assertValid(event.get().json());
        return SiemSamples.parse(event.get());
    }

    private static List<String> awsDocsEvents() {
        List<String> events = new ArrayList<>(CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_IAM));
        events.addAll(CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_CLOUDTRAIL));
        return events;
    }
}
