package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private final String markdown = MarkdownReport.render(ReportSamples.orgReport());

    @Test
    void shouldNotLetAValueOpenALinkOrAnImage() {
        assertThat(markdown).doesNotContain("[click me](", "![i](")
                .contains("\\[click me\\](https\\://evil.example/x) \\| injected \\| !\\[i\\](https\\://evil.example/i.png)");
    }

    @Test
    void shouldNotLetAValueAddTableColumnsOrRows() {
        List<String> findingRows = Arrays.stream(markdown.split("\n"))
                .filter(line -> line.startsWith("| MEDIUM") || line.startsWith("| LOW")).toList();

        assertThat(findingRows).hasSize(4).allSatisfy(row ->
                assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(8));
    }

    @Test
    void shouldListTheIdentityInventoryInTablesNoValueCanBreak() {
        String section = markdown.substring(markdown.indexOf("\n## Identity inventory (6)"),
                markdown.indexOf("\n## Access graph"));
        List<String> withoutOwner = Arrays.stream(section.split("\n## |\n### ")[2].split("\n"))
                .filter(l -> l.startsWith("| `") || l.startsWith("| account")).toList();

        assertThat(section).contains("| workload | 3 | 2 | 0 | 0 | 1 | 0 |", "| mixed | 1 | 0 | 0 | 1 | 0 | 0 |",
                "### Workloads still on long-lived access keys (2)")
                .doesNotContain("<script", "<img", "[click me](");
        assertThat(withoutOwner).hasSize(4).allSatisfy(row ->
                assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(9));
    }

    @Test
    void shouldEscapeRawHtmlOutsideCodeFences() {
        String outsideFences = markdown.replaceAll("(?s)(`{3,})json\n.*?\n\\1\n", "");

        assertThat(outsideFences).doesNotContain("<script", "<img", "````")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(markdown).as("a fence inside the policy does not close the block")
                .contains("````json\n{\"Version\"");
    }

    @Test
    void shouldEscapeOnlyWhatMarkdownReads() {
        assertThat(markdown).contains("# RoleTrail weekly report 2026-W47 — organisation",
                "2026-11-16 to 2026-11-22 (UTC)", "| `" + ReportSamples.ADMIN + "` |",
                "| `" + ReportSamples.ALICE + "` | `" + ReportSamples.VENDOR_ROLE + "` |")
                .doesNotContain("2026\\-", "arn\\:", "\\.");
    }

    @Test
    void shouldListBreakGlassRolesApartGroupUnusedActionsAndExplainAlerts() {
        String md = MarkdownReport.render(ReportSamples.breakGlassReport());

        assertThat(md).contains("## Break-glass and sensitive roles (2)",
                "| `" + ReportSamples.BREAK_GLASS + "` | break-glass | 2026-11-19 03:00Z |",
                "iam: 2 unused (1 permissions management, 1 write): iam:PutRolePolicy, iam:CreateUser",
                "baseline: break-glass role: every assumption is reported<br>broken by: AssumeRole of ",
                "Confirm with the origin identity's owner that the role was needed now &lt;script&gt;")
                .contains("### Unused roles (0)");
    }

    @Test
    void shouldKeepHostileStringsInertInTheRiskiestItems() {
        String md = MarkdownReport.render(ReportSamples.hostileRiskiestReport());
        String glance = md.substring(md.indexOf("## At a glance"), md.indexOf("## Summary"));
        List<String> rows = Arrays.stream(glance.split("\n")).filter(l -> l.matches("\\| \\d \\|.*")).toList();

        assertThat(glance).doesNotContain("<script", "<img", "[click me](", "![i](", "```")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.replaceAll("\\\\\\||`[^`]*`", "")
                .chars().filter(c -> c == '|').count()).as(row).isEqualTo(7));
    }

    @Test
    void shouldGiveTheChartsNumbersAsTables() {
        assertThat(markdown).contains("### Alerts per day by severity",
                "| 2026-11-18 | 0 | 1 | 0 | 0 | 0 | 1 |", "### Open findings per kind at the end of each week",
                "| 2026-W46 | reported | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |",
                "| 2026-W45 | not known | ? | ? | ? | ? | ? | ? | ? | ? | ? | ? | ? | ? |");
    }

    @Test
    void shouldFenceAPolicySoNoBacktickRunClosesIt() {
        assertThat(MarkdownText.fenced("json", "a ``` b ```` c")).startsWith("`````json\n").endsWith("\n`````\n");
    }

    @Test
    void shouldTurnLineBreaksIntoSpaces() {
        assertThat(MarkdownText.escape("a\r\nb\nc")).isEqualTo("a  b c");
    }
}
