package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private final String html = HtmlReport.render(ReportSamples.orgReport());

    @Test
    void shouldEscapeAttackerControlledStrings() {
        assertThat(html).doesNotContain("<script", "<img", "onerror=alert(2)>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void shouldEscapeInsideSvgAttributes() {
        assertThat(html).contains("data-id=\"web-identity:token.actions.githubusercontent.com/&lt;script&gt;");
    }

    @Test
    void shouldLoadNothingFromOutside() {
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'")
                .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?https?:");
    }

    @Test
    void shouldDrawEveryPathAndMarkCrossAccountOnes() {
        assertThat(count("<g class=\"edge")).isEqualTo(4);
        assertThat(count("<g class=\"edge cross-account\"")).isEqualTo(1);
        assertThat(count("<g class=\"node assumer\"")).isEqualTo(3);
        assertThat(count("<g class=\"node role\"")).as("ci-deploy is a role and an assumer").isEqualTo(4);
        assertThat(html).contains("42× · last 2026-11-20");
    }

    @Test
    void shouldHaveASectionPerFindingKindAndThePolicies() {
        assertThat(html).contains("<h3 id=\"unused-role\">Unused roles (1)</h3>",
                "<h3 id=\"dormant-key\">Dormant access keys (1)</h3>", "<h2 id=\"policies\">Least-privilege policies (1)</h2>",
                "<summary>iam: 1 unused (1 write)</summary>", "<code>iam:PassRole</code>");
        assertThat(count("<table class=\"findings\"")).isEqualTo(4);
    }

    @Test
    void shouldGroupUnusedPermissionsPerServiceInCollapsedDetailsRiskiestFirst() {
        String page = HtmlReport.render(ReportSamples.breakGlassReport());
        String row = page.substring(page.indexOf("<table class=\"findings\" data-kind=\"unused-permissions\""));
        row = row.substring(0, row.indexOf("</table>"));

        assertThat(row).contains("<summary>iam: 2 unused (1 permissions management, 1 write)</summary>",
                "<summary>ec2: 2 unused (1 write, 1 list)</summary>", "<summary>s3: 3 unused (1 write, 1 read, 1 list)</summary>")
                .doesNotContain("<details open");
        assertThat(row.indexOf("<summary>iam:")).as("permissions management first")
                .isLessThan(row.indexOf("<summary>s3:"));
        assertThat(row.indexOf("<summary>s3:")).as("then by writes, then count").isLessThan(row.indexOf("<summary>ec2:"));
        assertThat(row.indexOf("<code>iam:PutRolePolicy</code>")).as("riskiest action first in its service")
                .isLessThan(row.indexOf("<code>iam:CreateUser</code>"));
    }

    @Test
    void shouldListBreakGlassRolesInTheirOwnSectionNotAsUnusedPermissionNoise() {
        String page = HtmlReport.render(ReportSamples.breakGlassReport());
        String findings = page.substring(page.indexOf("<h2 id=\"findings\""), page.indexOf("<h2 id=\"break-glass\""));
        String section = page.substring(page.indexOf("<h2 id=\"break-glass\""));
        section = section.substring(0, section.indexOf("</table>"));

        assertThat(findings).doesNotContain("role/<wbr>BreakGlass").contains("<h3 id=\"unused-role\">Unused roles (0)</h3>");
        assertThat(section).contains("Break-glass and sensitive roles (2)", "<th>Reviewed?</th>", "role/<wbr>Admin",
                "role/<wbr>BreakGlass", "break-glass", "2026-11-19 03:00Z", "user/<wbr>alice",
                "CRITICAL sensitive-role-assumed", "unused-role, unused-permissions");
    }

    @Test
    void shouldWrapArnsOnlyAtColonsAndSlashesAndPrintOnA4() {
        assertThat(html).contains("<td class=\"arn\">arn:<wbr>aws:<wbr>iam:<wbr>:<wbr>111122223333:<wbr>role/<wbr>LegacyReporting</td>")
                .containsPattern("\\.arn\\{[^}]*overflow-wrap:normal;word-break:normal")
                .contains("@media print", "@page{size:A4");
        assertThat(HtmlText.arn("arn:aws:iam::1:role/a<b")).isEqualTo("arn:<wbr>aws:<wbr>iam:<wbr>:<wbr>1:<wbr>role/<wbr>a&lt;b");
    }

    @Test
    void shouldWrapEvidenceAndLastUseBetweenTheirPartsNeverInsideADate() {
        String findings = html.substring(html.indexOf("<h2 id=\"findings\""), html.indexOf("<h2 id=\"break-glass\""));

        assertThat(findings).as("a date and a time are words kept whole")
                .contains("<td><span class=\"seg\">2026-08-01</span> <span class=\"seg\">10:00Z</span></td>")
                .as("identities in evidence wrap between their parts").containsPattern("<li>[^<]*:<wbr>");
        assertThat(html).contains(".seg{white-space:nowrap}");
    }

    @Test
    void shouldExplainEachAlertAndLinkItToTheEdgeItConcerns() {
        String page = HtmlReport.render(ReportSamples.breakGlassReport());
        String alerts = page.substring(page.indexOf("<table id=\"alerts-table\""));
        alerts = alerts.substring(0, alerts.indexOf("</table>"));
        Matcher link = Pattern.compile("href=\"#(edge-[0-9a-f]+)\"").matcher(alerts);

        assertThat(alerts).contains("<th>Why: baseline broken</th>", "break-glass role: every assumption is reported",
                "AssumeRole of ", "<th>Origin and chain</th>", "<th>Runbook</th>",
                "Confirm with the origin identity&#39;s owner", "&lt;script&gt;");
        assertThat(link.find()).as("a link to the path").isTrue();
        assertThat(page).contains("<tr id=\"" + link.group(1) + "\"><td class=\"arn\">arn:<wbr>aws:<wbr>iam:<wbr>:<wbr>"
                + "111122223333:<wbr>user/<wbr>alice</td><td class=\"arn\">arn:<wbr>aws:<wbr>iam:<wbr>:<wbr>111122223333:<wbr>"
                + "role/<wbr>BreakGlass</td>").contains("id=\"g-" + link.group(1) + "\"");
    }

    @Test
    void shouldShowAPerAssumerPolicyOnlyWhereItDiffersFromTheRoles() {
        java.util.function.BiFunction<String, String, dev.roletrail.schemas.finding.Finding> policy = (subject, json) ->
                new dev.roletrail.schemas.finding.Finding("p-" + subject, dev.roletrail.schemas.finding.FindingKind.LEAST_PRIVILEGE_POLICY,
                        dev.roletrail.schemas.finding.FindingStatus.OPEN, dev.roletrail.schemas.alert.Severity.INFORMATIONAL,
                        "policy", ReportSamples.PROD, ReportSamples.CI, "role", subject.isEmpty() ? null : subject,
                        null, ReportSamples.WEEK.end(), null, java.util.List.of(), null, null, json);
        WeeklyReport report = ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED, new ReportInputs(
                java.util.List.of(policy.apply("", "{\"a\":1}"), policy.apply(ReportSamples.ALICE, "{\"a\":1}"),
                        policy.apply(ReportSamples.LEGACY, "{\"b\":2}")), java.util.List.of(), java.util.List.of()),
                java.util.Map.of()).get(0);

        String page = HtmlReport.render(report);

        assertThat(page).contains("Least-privilege policies (2)", "The same for sessions assumed by: arn:<wbr>aws:<wbr>iam:<wbr>:<wbr>111122223333:<wbr>user/<wbr>alice",
                " for arn:<wbr>aws:<wbr>iam:<wbr>:<wbr>111122223333:<wbr>role/<wbr>LegacyReporting");
    }

    @Test
    void shouldKeepHostileStringsInertInTheRiskiestItemsAndCharts() {
        String page = HtmlReport.render(ReportSamples.hostileRiskiestReport());
        String glance = page.substring(page.indexOf("<h2 id=\"at-a-glance\""), page.indexOf("<h2 id=\"summary\""));

        assertThat(glance).doesNotContain("<script", "<img", "onerror=alert(2)>", "href=\"https:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; [click me](https://evil.example/x)",
                        "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", "<svg", "class=\"chart alerts-per-day\"");
        assertThat(page).doesNotContain("<script", "<img");
    }

    @Test
    void shouldPutTheRiskiestItemsAndChartsAtTheTop() {
        assertThat(html.indexOf("<h2 id=\"at-a-glance\"")).isLessThan(html.indexOf("<h2 id=\"summary\""));
        assertThat(html).contains("<table id=\"riskiest-table\">", "<td class=\"rank\">1</td><td class=\"sev-HIGH\">",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart alerts-per-day\"",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart findings-trend\"",
                "1 HIGH on 2026-11-18", "reported: counted by that week&#39;s report.");
    }

    @Test
    void shouldSayChartsWereNotKeptInAnOlderReport() {
        WeeklyReport report = ReportSamples.orgReport();
        WeeklyReport older = new WeeklyReport(report.week(), report.scope(), report.periodStart(),
                report.periodEnd(), report.generatedAt(), report.summary(), report.findings(), report.edges(),
                report.alerts(), report.alertsTotal(), report.observedSince(), report.lastUse(),
                report.sensitiveRoles(), null, null, null);

        assertThat(HtmlReport.render(older)).contains("Alerts per day: not kept in this report",
                "Open findings per week: not kept in this report").doesNotContain("class=\"chart ");
    }

    @Test
    void shouldShowTheIdentityInventoryWithWhatToActOn() {
        String section = html.substring(html.indexOf("<h2 id=\"identity-inventory\""),
                html.indexOf("<h2 id=\"access-graph\""));
        String withoutOwner = section.substring(section.indexOf("id=\"identities-without-owner-table\""),
                section.indexOf("<h3 id=\"workloads-on-keys\""));
        String onKeys = section.substring(section.indexOf("id=\"workloads-on-keys-table\""));

        assertThat(section).startsWith("<h2 id=\"identity-inventory\">Identity inventory (6)</h2>")
                .contains("<tr><td class=\"nw\">workload</td><td class=\"num\">3</td><td class=\"num\">2</td>"
                        + "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>"
                        + "<td class=\"num\">0</td></tr>")
                .contains("Without an owner, or with an orphaned owner (4)", "Workloads still on long-lived access "
                        + "keys (2)");
        assertThat(withoutOwner).contains("AKIAEXAMPLE000000002", "account:<wbr>999988887777",
                "LegacyReporting", "<span class=\"seg\">ops-shared</span>", "orphaned", "names no IAM user")
                .as("owned by its tag").doesNotContain("ci-bot");
        assertThat(onKeys).contains("AKIAEXAMPLE000000002", "<td class=\"num\">5</td><td class=\"num\">2</td>",
                "not known", "2024-03-01").doesNotContain("LegacyReporting");
        assertThat(section).doesNotContain("<script", "<img", "=HYPERLINK(\"")
                .contains("user agent &lt;script&gt;alert(1)&lt;/<wbr>script&gt;", "=HYPERLINK(&quot;https:<wbr>");
    }

    @Test
    void shouldDropControlCharactersXmlForbids() {
        assertThat(HtmlText.escape("a\u0000b\u001bc\td")).isEqualTo("abc\td");
    }

    private int count(String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
