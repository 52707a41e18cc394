package dev.roletrail.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.streams.RoleTrailTopology;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.TopologyFixture;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

/** The SIEM branch of the production topology: what reaches roletrail.siem, as what OCSF class, when. */
class SiemTopologyTest {

    private static final String ORG = "111122223333";
    private static final String ALICE = "arn:aws:iam::" + ORG + ":user/alice";
    private static final String DEPLOY = "arn:aws:iam::" + ORG + ":role/Deploy";
    private static final String ADMIN = "arn:aws:iam::" + ORG + ":role/Admin";
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void shouldWriteEveryAlertAsADetectionFindingOfTheSameId() {
        try (TopologyFixture topology = fixture("findings")) {
            topology.send(CloudTrailEvent.byRoot(ORG).call("iam.amazonaws.com", "ListUsers").at(T0));

            List<Alert> alerts = topology.alerts();
            List<JsonNode> siem = parse(topology.siem());

            assertThat(alerts).isNotEmpty();
            assertThat(siem).extracting(record -> record.at("/finding_info/uid").asText())
                    .containsExactlyElementsOf(alerts.stream().map(Alert::id).toList());
            assertThat(siem).extracting(record -> record.path("class_uid").asInt()).containsOnly(2004);
        }
    }

    @Test
    void shouldWriteFindingsAsIamAnalysisFindingsAndSkipDeletions() {
        try (TopologyFixture topology = fixture("findings")) {
            topology.sendFinding("f-unused-role", SiemSamples.finding(FindingKind.UNUSED_ROLE, FindingStatus.OPEN,
                    "role", DEPLOY, null, null, null));
            topology.sendFinding("f-unused-role", null);
            topology.sendFinding("f-unused-role", SiemSamples.finding(FindingKind.UNUSED_ROLE,
                    FindingStatus.RESOLVED, "role", DEPLOY, null, null, null));

            List<JsonNode> siem = parse(topology.siem());

            assertThat(siem).extracting(record -> record.path("class_uid").asInt() + " " + record.path("status").asText())
                    .containsExactly("2008 New", "2008 Resolved");
        }
    }

    @Test
    void shouldWriteIdentityActivityWithTheOriginBehindTheChain() {
        try (TopologyFixture topology = fixture("identity-activity")) {
            CloudTrailEvent assumeDeploy = CloudTrailEvent.byUser(ALICE).assumeRole(DEPLOY).at(T0);
            topology.send(assumeDeploy);
            topology.send(CloudTrailEvent.byRoleSession(DEPLOY, "alice").withAccessKey(assumeDeploy.issuedKeyId())
                    .assumeRole(ADMIN).at(T0.plusSeconds(30)));
            topology.send(CloudTrailEvent.byUser(ALICE).call("iam.amazonaws.com", "ListRoles").at(T0.plusSeconds(60)));

            List<JsonNode> siem = parse(topology.siem());

            assertThat(siem).extracting(record -> record.path("class_uid").asInt() + " "
                    + record.at("/api/operation").asText() + " " + record.at("/actor/user/uid").asText() + " from "
                    + record.at("/enrichments/0/value").asText())
                    .as("no finding is forwarded, and ListRoles is not identity activity")
                    .containsExactly("6003 AssumeRole " + ALICE + " from " + ALICE,
                            "6003 AssumeRole " + DEPLOY + " from " + ALICE);
        }
    }

    @Test
    void shouldLeaveTheSiemTopicOutWhenNothingIsForwarded() {
        String described = RoleTrailTopology.build(StreamsAppConfig.from(Settings.of(Map.of("siem.forward", "none"))))
                .describe().toString();

        assertThat(described).doesNotContain("siem", "to-ocsf");
    }

    /**
     * Real detonations with everything forwarded: a console sign-in without MFA and a backdoor access key. The fixture
     * validates each record when it closes (StratusCorpusTopologyTest runs the whole corpus that way); this checks that
     * real records reach every class RoleTrail writes, so that validation is not vacuous.
     */
    @Test
    void shouldWriteValidRecordsOfEveryClassForRealDetonations() throws Exception {
        Set<Integer> classes = new TreeSet<>();
        for (String file : List.of("aws.initial-access.console-login-without-mfa.json",
                "aws.persistence.iam-backdoor-user.json")) {
            try (TopologyFixture topology = new TopologyFixture(Map.of("org.accounts", StratusObservations.account(file),
                    "siem.forward", "findings,identity-activity"))) {
                List<JsonNode> records = new ArrayList<>();
                Json.mapper().readTree(CloudTrailSamples.stratus(file)).forEach(records::add);
                records.sort(Comparator.comparing(record -> record.path("eventTime").asText()));
                records.forEach(record -> topology.sendJson(record.toString()));
                topology.sendFinding("f", SiemSamples.finding(FindingKind.DORMANT_KEY, FindingStatus.OPEN,
                        "access-key", "AKIAIOSFODNN7EXAMPLE", null, null, null));
                parse(topology.siem()).forEach(record -> classes.add(record.path("class_uid").asInt()));
            }
        }

        assertThat(classes).containsExactly(2004, 2008, 3002, 6003);
    }

    private static TopologyFixture fixture(String forward) {
        return new TopologyFixture(Map.of("org.accounts", ORG, "siem.forward", forward));
    }

    private static List<JsonNode> parse(List<KeyValue<String, String>> records) {
        List<JsonNode> parsed = new ArrayList<>();
        for (KeyValue<String, String> record : records) {
            try {
                parsed.add(Json.mapper().readTree(record.value));
            } catch (Exception e) {
                throw new AssertionError(record.value, e);
            }
        }
        return parsed;
    }
}
