package dev.roletrail.streams.report;

import static dev.roletrail.testkit.ReportInBrowser.count;
import static dev.roletrail.testkit.ReportInBrowser.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.testkit.ReportInBrowser;

/**
 * The HTML report as a person sees it: headless Chromium ({@link ReportInBrowser}) loads the file, and the DOM it
 * built is checked: the graph's nodes and edges, the tables' rows, the riskiest items and the charts, and no element
 * made from a hostile value; and a generated 300-role organisation's graph. Texts are measured too: none over another in the graph or the charts, none outside its table cell. It also takes the
 * screenshots kept as {@code docs/weekly-report-sample.png} and {@code docs/weekly-report-300-roles.png} (written to
 * {@code target/}; copy them over when the look changes). Fails, never skips, when Chromium is missing.
 */
class HtmlReportChromiumIT {

    private static final Path SCREENSHOT = Path.of("target", "weekly-report-sample.png");
    private static final Path LARGE_SCREENSHOT = Path.of("target", "weekly-report-300-roles.png");

    @TempDir
    static Path dir;
    private static Path html;
    private static Path largeHtml;
    private static ReportInBrowser browser;

    @BeforeAll
    static void writeReport() throws IOException {
        browser = new ReportInBrowser(dir);
        html = dir.resolve("report.html");
        Files.writeString(html, HtmlReport.render(ReportSamples.orgReport()), StandardCharsets.UTF_8);
        largeHtml = dir.resolve("report-300-roles.html");
        Files.writeString(largeHtml, HtmlReport.render(ReportSamples.largeOrgReport()), StandardCharsets.UTF_8);
    }

    @Test
    void shouldRenderTheGraphAndTablesInABrowser() throws Exception {
        String dom = browser.dom(html);

        assertThat(count(dom, "<g class=\"edge")).as("edges drawn").isEqualTo(4);
        assertThat(count(dom, "<g class=\"edge cross-account\"")).isEqualTo(1);
        assertThat(count(dom, "<g class=\"node ")).as("3 assumers, 4 roles").isEqualTo(7);
        assertThat(rows(dom, "summary-table")).as("every finding kind, alerts, paths, cross-account paths")
                .isEqualTo(FindingKind.values().length + 3);
        assertThat(rows(dom, "edges-table")).isEqualTo(4);
        assertThat(rows(dom, "alerts-table")).isEqualTo(1);
        assertThat(count(dom, "<table class=\"findings\"")).isEqualTo(4);
        assertThat(rows(dom, "riskiest-table")).as("the five riskiest items").isEqualTo(5);
        assertThat(count(dom, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ")).as("two charts")
                .isEqualTo(2);
        assertThat(dom).as("hostile values stay text").doesNotContain("<script", "<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void shouldTakeAScreenshot() throws Exception {
        browser.screenshot(html, SCREENSHOT, 1400, 2600);
    }

    @Test
    void shouldDrawALargeOrganisationsMostUsedPathsAndNMoreEdges() throws Exception {
        String dom = browser.dom(largeHtml);

        // Taller than the sample's: the graph comes after the riskiest items, the charts and the findings.
        browser.screenshot(largeHtml, LARGE_SCREENSHOT, 1400, 4200);

        assertThat(count(dom, "<g class=\"edge\"")).as("the most used paths").isEqualTo(AccessGraphSvg.COLLAPSE_ABOVE);
        assertThat(count(dom, "<g class=\"edge more\"")).as("one 'N more' per drawn assumer").isPositive();
        assertThat(count(dom, "<g class=\"account\">")).as("one box per account of the drawn paths (8 of 12)")
                .isEqualTo(8);
        assertThat(rows(dom, "edges-table")).as("every path in the table").isEqualTo(900);
        assertThat(rows(dom, "riskiest-table")).isEqualTo(5);
        assertThat(count(dom, "<g class=\"column estimated\">")).as("weeks estimated from the state").isEqualTo(5);
    }

    /**
     * Measured by the browser, with its fonts, at Chromium's default window and at the 1,400 px the report is made
     * for ({@link ReportInBrowser#assertTextsApartAndInsideCells}): no two texts of the graph intersect and no text
     * overlaps a node other than its own or spills out of its own node's box; no two texts of the two charts
     * intersect; no table cell's text overflows it.
     */
    @Test
    void shouldDrawNoGraphTextOverAnotherOrOverANode() throws Exception {
        browser.assertTextsApartAndInsideCells(html, 2);
        browser.assertTextsApartAndInsideCells(largeHtml, 2);
    }
}
