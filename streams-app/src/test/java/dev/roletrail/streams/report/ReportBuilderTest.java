package dev.roletrail.streams.report;

import static dev.roletrail.streams.report.ReportSamples.ADMIN;
import static dev.roletrail.streams.report.ReportSamples.PROD;
import static dev.roletrail.streams.report.ReportSamples.VENDOR;
import static dev.roletrail.streams.report.ReportSamples.VENDOR_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.streams.identity.AccessEdge;

class ReportBuilderTest {

    private final List<WeeklyReport> reports =
            ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED, ReportSamples.inputs(), Map.of());

    @Test
    void shouldBuildOneReportForTheOrganisationAndOnePerAccount() {
        assertThat(reports).extracting(WeeklyReport::id)
                .containsExactly("2026-W47/org", "2026-W47/" + PROD, "2026-W47/" + VENDOR);
    }

    @Test
    void shouldKeepOpenFindingsAlertsOfTheWeekAndPathsOpenedBeforeItsEnd() {
        WeeklyReport org = reports.get(0);

        assertThat(org.findings()).extracting(Finding::id).containsExactly("f-1", "f-2", "f-3", "f-4", "f-5");
        assertThat(org.alerts()).extracting(Alert::id).containsExactly("a-1");
        assertThat(org.alertsTotal()).isEqualTo(1);
        assertThat(org.edges()).as("the path first used after the week is left out").hasSize(4);
    }

    @Test
    void shouldShowACrossAccountPathInBothAccounts() {
        WeeklyReport vendor = reports.get(2);

        assertThat(vendor.edges()).extracting(AccessEdge::role).containsExactly(VENDOR_ROLE);
        assertThat(reports.get(1).edges()).extracting(AccessEdge::role).contains(VENDOR_ROLE, ADMIN);
        assertThat(vendor.findings()).isEmpty();
    }

    @Test
    void shouldCountTheChangeSinceLastWeek() {
        WeeklyReport org = ReportSamples.orgReport();

        assertThat(org.summary()).filteredOn(l -> l.item().equals("unused-role")).singleElement()
                .isEqualTo(new SummaryLine("unused-role", 1, 1L));
        assertThat(org.summary()).filteredOn(l -> l.item().equals(ReportBuilder.ACCESS_PATHS)).singleElement()
                .satisfies(l -> assertThat(l.change()).isEqualTo(3L));
        assertThat(org.summary()).filteredOn(l -> l.item().equals("dormant-key")).singleElement()
                .isEqualTo(new SummaryLine("dormant-key", 1, 0L));
    }

    @Test
    void shouldMakeNoScopeOfAnAccountThatIsNotAnAccountId() {
        Finding hostile = new Finding("f-x", FindingKind.DORMANT_KEY,
                FindingStatus.OPEN, Severity.LOW, "t",
                "../../etc/cron.d/x", "AKIAEXAMPLE000000009", "access-key", null, null,
                ReportSamples.WEEK.end(), null, List.of(), null, null, null);

        List<WeeklyReport> built = ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED,
                new ReportInputs(List.of(hostile), List.of(), List.of()), Map.of());

        assertThat(built).extracting(WeeklyReport::scope).as("scopes name files and S3 keys")
                .containsExactly(WeeklyReport.ORG);
        assertThat(built.get(0).findings()).containsExactly(hostile);
    }

    @Test
    void shouldLeaveTheChangeOpenWithoutAPreviousReport() {
        assertThat(reports.get(0).summary()).allSatisfy(l -> assertThat(l.change()).isNull());
    }
}
