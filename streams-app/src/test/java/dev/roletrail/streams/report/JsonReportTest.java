package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;

class JsonReportTest {

    @Test
    void shouldReadBackWhatItWrote() {
        WeeklyReport report = ReportSamples.orgReport();

        assertThat(JsonReport.parse(JsonReport.render(report))).isEqualTo(report);
    }

    @Test
    void shouldCarryTheIdentitiesAndTheInventorysCounts() throws Exception {
        JsonNode json = Json.mapper().readTree(JsonReport.render(ReportSamples.orgReport()));

        assertThat(json.get("identities")).hasSize(ReportSamples.identities().size());
        assertThat(json.at("/identityInventory/byKind/workload").asLong()).isEqualTo(3);
        assertThat(json.at("/identityInventory/byKindAndCredential/mixed/password-and-long-lived-key").asLong())
                .isEqualTo(1);
        assertThat(json.at("/identityInventory/withoutOwner")).hasSize(4);
        assertThat(json.at("/identityInventory/workloadsOnKeys/0/id").asText()).isEqualTo("AKIAEXAMPLE000000002");
    }

    @Test
    void shouldKeepHostileStringsAsData() {
        String json = JsonReport.render(ReportSamples.orgReport());

        assertThat(json).contains("\"week\" : \"2026-W47\"", "\"scope\" : \"org\"")
                .contains("<script>alert(1)</script>");
    }
}
