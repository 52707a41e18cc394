package dev.roletrail.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.streams.detect.DetectorInfo;

class DetectionFindingMapperTest {

    private final DetectionFindingMapper mapper = new DetectionFindingMapper();

    @Test
    void shouldMapANewAlertToAValidDetectionFinding() {
        OcsfEvent event = mapper.map(SiemSamples.alert(Severity.HIGH, 1, "aws-cli/2.15"));
        JsonNode ocsf = SiemSamples.parse(event);

        assertThat(OcsfSchemas.errors(event.json())).isEmpty();
        assertThat(List.of(ocsf.path("class_uid").asInt(), ocsf.path("category_uid").asInt(),
                ocsf.path("activity_id").asInt(), ocsf.path("type_uid").asInt(), ocsf.path("severity_id").asInt(),
                ocsf.path("status_id").asInt()))
                .as("class, category, activity Create, type, severity High, status New")
                .containsExactly(2004, 2, 1, 200401, 4, 1);
        assertThat(event.uid()).isEqualTo("0123456789abcdef0123456789abcdef-1")
                .isEqualTo(ocsf.at("/metadata/uid").asText());
        assertThat(ocsf.at("/metadata/version").asText()).isEqualTo("1.8.0");
        assertThat(ocsf.at("/metadata/product/name").asText()).isEqualTo("RoleTrail");
        assertThat(ocsf.at("/finding_info/uid").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(ocsf.at("/finding_info/types/0").asText()).isEqualTo("first-time-assumption");
        assertThat(ocsf.at("/finding_info/analytic/type").asText()).isEqualTo("Behavioral");
        assertThat(ocsf.at("/time").asLong()).isEqualTo(SiemSamples.LAST.toEpochMilli());
        assertThat(ocsf.at("/start_time_dt").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(List.of(ocsf.at("/cloud/provider").asText(), ocsf.at("/cloud/account/uid").asText(),
                ocsf.at("/cloud/region").asText())).containsExactly("AWS", "111122223333", "eu-west-1");
        assertThat(ocsf.at("/evidences/0/actor/user/uid").asText()).isEqualTo(SiemSamples.ALICE);
        assertThat(ocsf.at("/resources/0/uid").asText()).isEqualTo(SiemSamples.ADMIN);
        assertThat(ocsf.at("/remediation/desc").asText()).startsWith("Confirm with alice");
        assertThat(ocsf.at("/enrichments/0/value").asText()).as("the origin identity").isEqualTo(SiemSamples.ALICE);
        assertThat(texts(ocsf.at("/finding_info/related_events"), "uid")).containsExactly("e-1", "e-2");
    }

    @Test
    void shouldMapAttackIdsToTechniquesAndSubTechniques() {
        JsonNode attacks = SiemSamples.parse(mapper.map(SiemSamples.alert(Severity.HIGH, 1, null)))
                .at("/finding_info/attacks");

        assertThat(attacks).hasSize(2);
        assertThat(attacks.get(0).at("/technique/uid").asText()).isEqualTo("T1078");
        assertThat(attacks.get(0).at("/sub_technique/uid").asText()).isEqualTo("T1078.004");
        assertThat(attacks.get(1).at("/technique/uid").asText()).isEqualTo("T1098");
        assertThat(attacks.get(1).has("sub_technique")).isFalse();
    }

    @Test
    void shouldMapTheSuppressionSummaryToAnUpdateOfTheSameFinding() {
        JsonNode first = SiemSamples.parse(mapper.map(SiemSamples.alert(Severity.HIGH, 1, null)));
        OcsfEvent summary = mapper.map(SiemSamples.alert(Severity.HIGH, 7, null));
        JsonNode repeated = SiemSamples.parse(summary);

        assertThat(OcsfSchemas.errors(summary.json())).isEmpty();
        assertThat(List.of(repeated.path("activity_id").asInt(), repeated.path("type_uid").asInt(),
                repeated.path("count").asInt())).containsExactly(2, 200402, 7);
        assertThat(repeated.at("/finding_info/uid")).isEqualTo(first.at("/finding_info/uid"));
        assertThat(repeated.at("/metadata/uid")).as("one SIEM record per emission").isNotEqualTo(first.at("/metadata/uid"));
    }

    @Test
    void shouldMapEverySeverityToItsOcsfId() {
        List<Integer> ids = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            OcsfEvent event = mapper.map(SiemSamples.alert(severity, 1, null));
            assertThat(OcsfSchemas.errors(event.json())).as(severity.name()).isEmpty();
            ids.add(SiemSamples.parse(event).path("severity_id").asInt());
        }

        assertThat(ids).as("Informational, Low, Medium, High, Critical").containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void shouldCarryAttackerControlledStringsAsData() {
        String hostile = "x\",\"severity_id\":99,\"class_uid\":1,\"a\":\"</script>\n\u0000\u2028";
        OcsfEvent event = mapper.map(SiemSamples.alert(Severity.LOW, 1, hostile));
        JsonNode ocsf = SiemSamples.parse(event);

        assertThat(OcsfSchemas.errors(event.json())).isEmpty();
        assertThat(ocsf.at("/evidences/0/http_request/user_agent").asText()).isEqualTo(hostile);
        assertThat(List.of(ocsf.path("severity_id").asInt(), ocsf.path("class_uid").asInt())).containsExactly(2, 2004);
    }

    @Test
    void shouldLeaveOutWhatTheAlertDoesNotKnow() {
        OcsfEvent event = mapper.map(SiemSamples.bareAlert());
        JsonNode ocsf = SiemSamples.parse(event);

        assertThat(OcsfSchemas.errors(event.json())).isEmpty();
        assertThat(ocsf.path("cloud").has("account")).isFalse();
        assertThat(List.of(ocsf.has("resources"), ocsf.has("remediation"), ocsf.has("enrichments"))).containsOnly(false);
        assertThat(ocsf.at("/finding_info/analytic/type").asText()).isEqualTo("Rule");
    }

    @Test
    void shouldJudgeRateAnomaliesStatistical() {
        assertThat(DetectionFindingMapper.analyticType("assumption-rate-anomaly"))
                .isEqualTo(DetectionFindingMapper.ANALYTIC_STATISTICAL);
    }

    @Test
    void shouldJudgeDetectorsWithALearnedBaselineBehavioralAndTheOthersRules() {
        Map<Integer, Set<String>> byType = DetectorCatalog.ALL.stream().collect(Collectors.groupingBy(
                info -> DetectionFindingMapper.analyticType(info.id()),
                Collectors.mapping(DetectorInfo::id, Collectors.toSet())));

        assertThat(byType).isEqualTo(Map.of(
                DetectionFindingMapper.ANALYTIC_BEHAVIORAL, Set.of("first-time-assumption", "role-chain",
                        "session-credential-network-change", "dormant-credential-reactivated",
                        "new-federated-subject", "new-network-for-key"),
                DetectionFindingMapper.ANALYTIC_STATISTICAL, Set.of("assumption-rate-anomaly"),
                DetectionFindingMapper.ANALYTIC_RULE, Set.of("assume-role-denied-burst", "unknown-external-account",
                        "sensitive-role-assumed", "long-session-requested", "access-path-created", "root-activity",
                        "sensitive-role-assumed-without-mfa")));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }
}
