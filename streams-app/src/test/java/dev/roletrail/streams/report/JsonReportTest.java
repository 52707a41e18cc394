package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonReportTest {

    @Test
    void shouldReadBackWhatItWrote() {
        WeeklyReport report = ReportSamples.orgReport();

        assertThat(JsonReport.parse(JsonReport.render(report))).isEqualTo(report);
    }

    @Test
    void shouldKeepHostileStringsAsData() {
        String json = JsonReport.render(ReportSamples.orgReport());

        assertThat(json).contains("\"week\" : \"2026-W47\"", "\"scope\" : \"org\"")
                .contains("<script>alert(1)</script>");
    }
}
