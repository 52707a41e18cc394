package dev.roletrail.streams.report;

import static dev.roletrail.streams.report.ReportSamples.PROD;
import static dev.roletrail.streams.report.ReportSamples.WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;

class FindingsTrendTest {

    /** A finding of the kind whose content last changed (or that resolved) at {@code at}. */
    private static Finding finding(String id, FindingKind kind, FindingStatus status, Instant at) {
        return new Finding(id, kind, status, Severity.MEDIUM, "t", PROD, "arn:aws:iam::" + PROD + ":role/" + id, "role",
                null, at.minusSeconds(90 * 86_400L), at, null, List.of(), null, null, null);
    }

    private static Instant midweek(int weeksBack) {
        return WEEK.minusWeeks(weeksBack).start().plusSeconds(3 * 86_400L);
    }

    private final List<Finding> findings = List.of(
            finding("open-6", FindingKind.UNUSED_ROLE, FindingStatus.OPEN, midweek(6)),
            finding("open-2", FindingKind.DORMANT_KEY, FindingStatus.OPEN, midweek(2)),
            finding("open-0", FindingKind.UNUSED_ROLE, FindingStatus.OPEN, midweek(0)),
            finding("resolved-3", FindingKind.UNUSED_TRUST_PATH, FindingStatus.RESOLVED, midweek(3)),
            finding("policy", FindingKind.LEAST_PRIVILEGE_POLICY, FindingStatus.OPEN, midweek(5)));

    @Test
    void shouldCountEachPastWeekFromItsReportElseFromTheStateElseSayItIsNotKnown() {
        Instant began = WEEK.minusWeeks(6).start().plusSeconds(86_400);
        WeeklyReport publishedW44 = ReportBuilder.build(WEEK.minusWeeks(3), ReportSamples.GENERATED,
                new ReportInputs(List.of(finding("x", FindingKind.INACTIVE_USER, FindingStatus.OPEN, midweek(4)),
                        finding("y", FindingKind.INACTIVE_USER, FindingStatus.OPEN, midweek(4))), List.of(),
                        List.of(), began), Map.of()).get(0);

        WeeklyReport report = ReportBuilder.build(WEEK, ReportSamples.GENERATED,
                new ReportInputs(findings, List.of(), List.of(), began), List.of(publishedW44),
                ReportSettings.defaults()).get(0);

        assertThat(report.findingsTrend()).extracting(WeekFindings::week, WeekFindings::source, WeekFindings::total)
                .containsExactly(
                        tuple("2026-W40", WeekFindings.Source.NOT_KNOWN, null), // observations began after it
                        tuple("2026-W41", WeekFindings.Source.ESTIMATED, 2L), // open-6, resolved-3 (open until W44)
                        tuple("2026-W42", WeekFindings.Source.ESTIMATED, 2L),
                        tuple("2026-W43", WeekFindings.Source.ESTIMATED, 2L),
                        tuple("2026-W44", WeekFindings.Source.REPORTED, 2L), // its report, not the state
                        tuple("2026-W45", WeekFindings.Source.ESTIMATED, 2L), // open-6, open-2 (W45 itself)
                        tuple("2026-W46", WeekFindings.Source.ESTIMATED, 2L),
                        tuple("2026-W47", WeekFindings.Source.THIS_WEEK, 3L)); // the open ones, policies aside
        assertThat(report.findingsTrend().get(1).open()).containsEntry("unused-role", 1L)
                .containsEntry("unused-trust-path", 1L).doesNotContainKey("least-privilege-policy");
        assertThat(report.findingsTrend().get(4).open()).containsEntry("inactive-user", 2L);
        assertThat(report.findingsTrend().get(0).open()).as("no number invented").isEmpty();
    }

    @Test
    void shouldAgreeWithTheSummarysLastWeek() {
        WeeklyReport report = ReportBuilder.build(WEEK, ReportSamples.GENERATED,
                new ReportInputs(findings, List.of(), List.of(), Instant.parse("2026-01-01T00:00:00Z")), Map.of())
                .get(0);
        WeekFindings lastWeek = report.findingsTrend().get(FindingsTrend.WEEKS - 2);

        for (SummaryLine line : report.summary()) {
            if (lastWeek.open().containsKey(line.item())) {
                assertThat(lastWeek.count(line.item())).as(line.item()).isEqualTo(line.previous());
            }
        }
    }

    @Test
    void shouldCountOnlyTheScopesFindingsInAnAccountsReport() {
        Finding elsewhere = new Finding("other", FindingKind.UNUSED_ROLE, FindingStatus.OPEN, Severity.MEDIUM, "t",
                ReportSamples.VENDOR, ReportSamples.VENDOR_ROLE, "role", null, null, midweek(4), null, List.of(), null,
                null, null);
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.add(elsewhere);

        List<WeeklyReport> reports = ReportBuilder.build(WEEK, ReportSamples.GENERATED,
                new ReportInputs(all, List.of(), List.of(), Instant.parse("2026-01-01T00:00:00Z")), Map.of());

        assertThat(reports).extracting(WeeklyReport::scope, r -> r.findingsTrend().get(3).total()) // end of W43
                .containsExactly(tuple(WeeklyReport.ORG, 3L), tuple(PROD, 2L), tuple(ReportSamples.VENDOR, 1L));
    }

    @Test
    void shouldKnowNoPastWeekWhenWhenObservationsBeganIsNotKnown() {
        WeeklyReport report = ReportBuilder.build(WEEK, ReportSamples.GENERATED,
                new ReportInputs(findings, List.of(), List.of()), Map.of()).get(0);

        assertThat(report.findingsTrend()).hasSize(FindingsTrend.WEEKS).extracting(WeekFindings::source)
                .containsOnly(WeekFindings.Source.NOT_KNOWN, WeekFindings.Source.THIS_WEEK)
                .endsWith(WeekFindings.Source.THIS_WEEK);
    }
}
