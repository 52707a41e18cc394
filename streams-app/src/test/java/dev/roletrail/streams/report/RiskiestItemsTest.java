package dev.roletrail.streams.report;

import static dev.roletrail.streams.report.ReportSamples.ALICE;
import static dev.roletrail.streams.report.ReportSamples.BREAK_GLASS;
import static dev.roletrail.streams.report.ReportSamples.PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;

class RiskiestItemsTest {

    static Alert alert(String id, Severity severity, String at, long count) {
        Alert a = ReportSamples.alert(id, Instant.parse(at), "ua");
        return new Alert(a.id(), "detector-" + id, a.entity(), severity, "alert " + id, a.account(), a.region(),
                a.principal(), a.origin(), a.chain(), a.role(), a.accessKeyId(), a.sourceNetwork(), a.userAgent(),
                a.eventIds(), a.firstEventTime(), a.lastEventTime(), a.baseline(), a.unusual(), a.attack(),
                a.action(), count);
    }

    static Finding finding(String id, FindingKind kind, Severity severity, String entity, ActionUsage actions) {
        return new Finding(id, kind, FindingStatus.OPEN, severity, "finding " + id, PROD, entity, "role", null,
                null, ReportSamples.WEEK.start(), null, List.of(), null, actions, null);
    }

    private static List<RiskyItem> ranked(List<Finding> findings, List<Alert> alerts) {
        return ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED,
                new ReportInputs(findings, List.of(), alerts), Map.of()).get(0).riskiest();
    }

    @Test
    void shouldRankBySeverityThenAlertsBeforeFindingsThenOccurrencesAndKind() {
        List<Alert> alerts = List.of(alert("low", Severity.LOW, "2026-11-17T10:00:00Z", 1),
                alert("high-once", Severity.HIGH, "2026-11-17T10:00:00Z", 1),
                alert("high-often", Severity.HIGH, "2026-11-18T10:00:00Z", 7),
                alert("critical", Severity.CRITICAL, "2026-11-20T10:00:00Z", 1));
        List<Finding> findings = List.of(
                finding("role", FindingKind.UNUSED_ROLE, Severity.HIGH, "arn:aws:iam::" + PROD + ":role/a", null),
                finding("trust", FindingKind.UNUSED_TRUST_PATH, Severity.HIGH, "arn:aws:iam::" + PROD + ":role/b",
                        null),
                finding("medium", FindingKind.UNUSED_TRUST_PATH, Severity.MEDIUM, "arn:aws:iam::" + PROD + ":role/c",
                        null));

        List<RiskyItem> top = ranked(findings, alerts);

        assertThat(top).extracting(RiskyItem::rank, RiskyItem::type, RiskyItem::id).containsExactly(
                tuple(1, RiskyItem.ALERT, "critical"),
                tuple(2, RiskyItem.ALERT, "high-often"), // more occurrences first
                tuple(3, RiskyItem.ALERT, "high-once"),
                tuple(4, RiskyItem.FINDING, "trust"), // an unused trust path before an unused role
                tuple(5, RiskyItem.FINDING, "role"));
        assertThat(top.get(0).anchor()).isEqualTo(ReportText.alertId("critical"));
        assertThat(top.get(3).anchor()).isEqualTo(ReportText.findingId("trust"));
    }

    @Test
    void shouldRankEveryFindingKindOnce() {
        // A kind missing from the ranking would sort before every other at its severity.
        assertThat(RiskiestItems.KIND_RISK).doesNotHaveDuplicates().containsExactlyInAnyOrder(FindingKind.values());
        assertThat(ReportText.RANKING).contains("(unused trust paths, sensitive roles assumable without MFA, ");
    }

    @Test
    void shouldPutTheFindingWithMoreRiskyUnusedActionsFirst() {
        ActionUsage writes = new ActionUsage(List.of(), List.of("iam:PutRolePolicy", "s3:DeleteBucket"), List.of());
        ActionUsage reads = new ActionUsage(List.of(), List.of("s3:GetObject", "s3:ListBucket", "ec2:DescribeVpcs"),
                List.of());
        List<Finding> findings = List.of(
                finding("a-reads", FindingKind.UNUSED_PERMISSIONS, Severity.LOW, "arn:aws:iam::" + PROD + ":role/r",
                        reads),
                finding("b-writes", FindingKind.UNUSED_PERMISSIONS, Severity.LOW, "arn:aws:iam::" + PROD + ":role/w",
                        writes));

        assertThat(ranked(findings, List.of())).extracting(RiskyItem::id).containsExactly("b-writes", "a-reads");
    }

    @Test
    void shouldBreakTiesTheSameWayWhateverTheInputOrder() {
        List<Alert> alerts = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (String id : List.of("c", "a", "e", "b", "d", "f")) {
            alerts.add(alert(id, Severity.MEDIUM, "2026-11-17T10:00:00Z", 1));
            findings.add(finding("f-" + id, FindingKind.DORMANT_KEY, Severity.MEDIUM, "AKIA" + id, null));
        }
        List<RiskyItem> first = ranked(findings, alerts);
        Collections.reverse(alerts);
        Collections.shuffle(findings, new java.util.Random(7));

        assertThat(ranked(findings, alerts)).isEqualTo(first);
        assertThat(first).extracting(RiskyItem::id).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void shouldListFewerThanFiveWhenTheWeekHasFewerAndNoneWhenItHasNone() {
        List<RiskyItem> two = ranked(List.of(finding("k", FindingKind.DORMANT_KEY, Severity.MEDIUM, "AKIA1", null)),
                List.of(alert("x", Severity.LOW, "2026-11-17T10:00:00Z", 1)));

        assertThat(two).extracting(RiskyItem::rank, RiskyItem::id).containsExactly(tuple(1, "k"), tuple(2, "x"));
        assertThat(ranked(List.of(), List.of())).isEmpty();
        assertThat(HtmlReport.render(ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED,
                new ReportInputs(List.of(), List.of(), List.of()), Map.of()).get(0)))
                .contains("Nothing to rank: no alerts and no open findings.");
    }

    @Test
    void shouldNotRankWhatIsExpectedOrOnlyAProposal() {
        Finding breakGlassUnused = finding("bg", FindingKind.UNUSED_ROLE, Severity.HIGH, BREAK_GLASS, null);
        Finding policy = new Finding("p", FindingKind.LEAST_PRIVILEGE_POLICY, FindingStatus.OPEN, Severity.CRITICAL,
                "policy", PROD, ALICE, "role", null, null, ReportSamples.WEEK.start(), null, List.of(), null, null,
                "{}");
        Finding shown = finding("shown", FindingKind.INACTIVE_USER, Severity.LOW, ALICE, null);

        assertThat(ranked(List.of(breakGlassUnused, policy, shown), List.of())).extracting(RiskyItem::id)
                .containsExactly("shown");
    }

    @Test
    void shouldLinkEveryItemToARowOfTheReport() {
        WeeklyReport report = ReportSamples.largeOrgReport();
        String html = HtmlReport.render(report);

        assertThat(report.riskiest()).hasSize(RiskiestItems.TOP).allSatisfy(item -> {
            assertThat(html).contains("<a href=\"#" + item.anchor() + "\">");
            assertThat(html).contains("<tr id=\"" + item.anchor() + "\">");
        });
        WeeklyReport org = ReportSamples.orgReport();
        String page = HtmlReport.render(org);
        assertThat(org.riskiest()).extracting(RiskyItem::type).contains(RiskyItem.ALERT, RiskyItem.FINDING);
        assertThat(org.riskiest()).allSatisfy(item -> assertThat(page).contains("<tr id=\"" + item.anchor() + "\">"));
    }
}
