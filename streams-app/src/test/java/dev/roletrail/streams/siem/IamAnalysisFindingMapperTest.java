package dev.roletrail.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;

class IamAnalysisFindingMapperTest {

    private static final ActionUsage ACTIONS = new ActionUsage(List.of("s3:GetObject"),
            List.of("iam:PassRole", "s3:DeleteBucket"), List.of("s3:PutObject"));
    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}""";

    private final IamAnalysisFindingMapper mapper = new IamAnalysisFindingMapper();

    @Test
    void shouldMapEveryKindOpenAndResolvedToAValidIamAnalysisFinding() {
        for (FindingKind kind : FindingKind.values()) {
            for (FindingStatus status : FindingStatus.values()) {
                OcsfEvent event = mapper.map(SiemSamples.finding(kind, status, "role", SiemSamples.DEPLOY,
                        SiemSamples.ALICE, ACTIONS, POLICY));

                assertThat(OcsfSchemas.errors(event.json())).as("%s %s", kind, status).isEmpty();
            }
        }
    }

    @Test
    void shouldOpenAsNewAndResolveAsClosedUnderTheSameFindingUid() {
        JsonNode open = map(FindingKind.UNUSED_ROLE, FindingStatus.OPEN);
        JsonNode resolved = map(FindingKind.UNUSED_ROLE, FindingStatus.RESOLVED);

        assertThat(List.of(open.path("class_uid").asInt(), open.path("category_uid").asInt(),
                open.path("activity_id").asInt(), open.path("type_uid").asInt(), open.path("status_id").asInt(),
                open.path("severity_id").asInt())).containsExactly(2008, 2, 1, 200801, 1, 2);
        assertThat(List.of(resolved.path("activity_id").asInt(), resolved.path("type_uid").asInt(),
                resolved.path("status_id").asInt())).as("Close, Resolved").containsExactly(3, 200803, 4);
        assertThat(resolved.at("/finding_info/uid")).isEqualTo(open.at("/finding_info/uid"));
        assertThat(resolved.at("/metadata/uid")).isNotEqualTo(open.at("/metadata/uid"));
        assertThat(open.at("/identity_activity_metrics/last_seen_time_dt").asText()).isEqualTo("2026-07-01T12:00:00Z");
        assertThat(open.at("/resources/0/type").asText()).isEqualTo("AWS::IAM::Role");
        assertThat(open.at("/resources/0/cloud_partition").asText()).isEqualTo("aws");
        assertThat(open.at("/cloud/account/uid").asText()).isEqualTo("111122223333");
    }

    @Test
    void shouldNameTheUnusedTrustedPrincipalAsAnAccessor() {
        JsonNode ocsf = map(FindingKind.UNUSED_TRUST_PATH, FindingStatus.OPEN);

        assertThat(ocsf.at("/access_analysis_result/accessors/0/uid").asText()).isEqualTo(SiemSamples.ALICE);
    }

    @Test
    void shouldCountUnusedPrivilegesAndCarryTheProposedPolicyAsJson() {
        JsonNode ocsf = map(FindingKind.LEAST_PRIVILEGE_POLICY, FindingStatus.OPEN);
        JsonNode result = ocsf.at("/permission_analysis_results/0");

        assertThat(List.of(result.path("granted_privileges").size(), result.path("analyzed_privileges_count").asInt(),
                result.path("unused_privileges_count").asInt()))
                .as("4 granted; 3 observable in CloudTrail, of which 2 unused").containsExactly(4, 3, 2);
        assertThat(result.at("/policy/data/Statement/0/Action/0").asText()).isEqualTo("s3:GetObject");
    }

    @Test
    void shouldDescribeADormantKeyAsAProgrammaticCredential() {
        Finding finding = SiemSamples.finding(FindingKind.DORMANT_KEY, FindingStatus.OPEN, "access-key",
                "AKIAIOSFODNN7EXAMPLE", null, null, null);
        OcsfEvent event = mapper.map(finding);
        JsonNode ocsf = SiemSamples.parse(event);

        assertThat(OcsfSchemas.errors(event.json())).isEmpty();
        assertThat(ocsf.at("/identity_activity_metrics/programmatic_credentials/0/uid").asText())
                .isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(ocsf.at("/observables/0/type_id").asInt()).as("User Credential ID").isEqualTo(19);
        assertThat(List.of(ocsf.has("permission_analysis_results"), ocsf.has("access_analysis_result"),
                ocsf.has("user"))).containsOnly(false);
    }

    @Test
    void shouldNameTheInactiveUser() {
        OcsfEvent event = mapper.map(SiemSamples.finding(FindingKind.INACTIVE_USER, FindingStatus.OPEN, "user",
                SiemSamples.ALICE, null, null, null));

        assertThat(OcsfSchemas.errors(event.json())).isEmpty();
        assertThat(SiemSamples.parse(event).at("/user/uid").asText()).isEqualTo(SiemSamples.ALICE);
    }

    private JsonNode map(FindingKind kind, FindingStatus status) {
        OcsfEvent event = mapper.map(SiemSamples.finding(kind, status, "role", SiemSamples.DEPLOY, SiemSamples.ALICE,
                ACTIONS, POLICY));
        assertThat(OcsfSchemas.errors(event.json())).isEmpty();
        return SiemSamples.parse(event);
    }
}
