package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.finding.FindingKind;

/**
 * The HTML report as a person sees it: headless Chromium (Debian's {@code chromium}, which {@code .ci/run} installs)
 * loads the file, and the DOM it built is checked: the graph's nodes and edges, the tables' rows, the riskiest items
 * and the charts, and no element made from a hostile value; and a generated 300-role organisation's graph. Texts
 * are measured too: none over another in the graph or the charts, none outside its table cell. It also takes the
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

    @BeforeAll
    static void writeReport() throws IOException {
        html = dir.resolve("report.html");
        Files.writeString(html, HtmlReport.render(ReportSamples.orgReport()), StandardCharsets.UTF_8);
        largeHtml = dir.resolve("report-300-roles.html");
        Files.writeString(largeHtml, HtmlReport.render(ReportSamples.largeOrgReport()), StandardCharsets.UTF_8);
    }

    @Test
    void shouldRenderTheGraphAndTablesInABrowser() throws Exception {
        String dom = chromium("--dump-dom", html.toUri().toString());

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
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);

        chromium("--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1400,2600", html.toUri().toString());

        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png.length).as("a real picture, not an empty page").isGreaterThan(50_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void shouldDrawALargeOrganisationsMostUsedPathsAndNMoreEdges() throws Exception {
        String dom = chromium("--dump-dom", largeHtml.toUri().toString());
        Files.createDirectories(LARGE_SCREENSHOT.getParent());
        Files.deleteIfExists(LARGE_SCREENSHOT);

        // Taller than the sample's: the graph comes after the riskiest items, the charts and the findings.
        chromium("--screenshot=" + LARGE_SCREENSHOT.toAbsolutePath(), "--window-size=1400,4200",
                largeHtml.toUri().toString());

        assertThat(count(dom, "<g class=\"edge\"")).as("the most used paths").isEqualTo(AccessGraphSvg.COLLAPSE_ABOVE);
        assertThat(count(dom, "<g class=\"edge more\"")).as("one 'N more' per drawn assumer").isPositive();
        assertThat(count(dom, "<g class=\"account\">")).as("one box per account of the drawn paths (8 of 12)")
                .isEqualTo(8);
        assertThat(rows(dom, "edges-table")).as("every path in the table").isEqualTo(900);
        assertThat(rows(dom, "riskiest-table")).isEqualTo(5);
        assertThat(count(dom, "<g class=\"column estimated\">")).as("weeks estimated from the state").isEqualTo(5);
        assertThat(Files.size(LARGE_SCREENSHOT)).isGreaterThan(50_000);
    }

    /**
     * Measured by the browser, with its fonts: no two texts of the graph intersect and no text overlaps a node other
     * than its own or spills out of its own node's box; no two texts of the charts intersect; no table cell's text
     * overflows it (its scroll width beyond its width, or a line of its text outside its box). Measured on a copy of
     * the report with a script appended (the report itself allows none), whose result is read back from the dumped
     * DOM; at Chromium's default window and at the 1,400 px the report is made for.
     */
    @Test
    void shouldDrawNoGraphTextOverAnotherOrOverANode() throws Exception {
        for (WeeklyReport report : List.of(ReportSamples.orgReport(), ReportSamples.largeOrgReport())) {
            Path measured = dir.resolve("measured-" + System.nanoTime() + ".html");
            Files.writeString(measured, HtmlReport.render(report).replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
                    .replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);

            for (List<String> window : List.of(List.<String>of(), List.of("--window-size=1400,2600"))) {
                List<String> args = new ArrayList<>(window);
                args.addAll(List.of("--dump-dom", measured.toUri().toString()));
                String dom = chromium(args.toArray(String[]::new));
                Matcher result = Pattern.compile("data-measured=\"([^\"]*)\"").matcher(dom);
                Matcher charts = Pattern.compile("data-measured-charts=\"([^\"]*)\"").matcher(dom);
                Matcher cells = Pattern.compile("data-measured-cells=\"([^\"]*)\"").matcher(dom);

                assertThat(result.find()).as("the measuring script ran").isTrue();
                assertThat(result.group(1)).as("texts measured / problems").matches("texts=[1-9]\\d* problems=0;.*");
                assertThat(charts.find()).as("the charts were measured").isTrue();
                assertThat(charts.group(1)).as("chart texts measured / overlaps, " + window)
                        .matches("charts=2 texts=[1-9]\\d* problems=0;.*");
                assertThat(cells.find()).as("the cells were measured").isTrue();
                assertThat(cells.group(1)).as("table cells measured / overflowing, " + window)
                        .matches("cells=[1-9]\\d* problems=0;.*");
            }
        }
    }

    private static final String MEASURE = """
            <script>
            const r = e => e.getBoundingClientRect();
            const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            const texts = [...document.querySelectorAll('svg.access-graph text')];
            const nodes = [...document.querySelectorAll('svg.access-graph .node')];
            const problems = [];
            texts.forEach((t, i) => {
              texts.slice(i + 1).forEach(u => { if (hit(r(t), r(u))) problems.push(t.textContent + ' x ' + u.textContent); });
              nodes.forEach(n => {
                const box = r(n.querySelector('rect'));
                if (n.contains(t)) {
                  const b = r(t);
                  if (b.left < box.left || b.right > box.right) problems.push('spills: ' + t.textContent);
                } else if (hit(r(t), box)) {
                  problems.push(t.textContent + ' on node ' + n.querySelector('text').textContent);
                }
              });
            });
            document.body.setAttribute('data-measured', 'texts=' + texts.length + ' problems=' + problems.length + ';'
                + problems.slice(0, 5).join(' | '));
            const charts = [...document.querySelectorAll('svg.chart')];
            const chartTexts = [...document.querySelectorAll('svg.chart text')].filter(t => r(t).width > 0);
            const overlaps = [];
            chartTexts.forEach((t, i) => chartTexts.slice(i + 1).forEach(u => {
              if (hit(r(t), r(u))) overlaps.push(t.textContent + ' x ' + u.textContent);
            }));
            document.body.setAttribute('data-measured-charts', 'charts=' + charts.length + ' texts=' + chartTexts.length
                + ' problems=' + overlaps.length + ';' + overlaps.slice(0, 5).join(' | '));
            const cells = [...document.querySelectorAll('td, th')];
            const overflows = [];
            cells.forEach(c => {
              const box = r(c);
              const range = document.createRange();
              range.selectNodeContents(c);
              const out = [...range.getClientRects()].filter(b => b.width > 0
                  && (b.left < box.left - 0.5 || b.right > box.right + 0.5));
              if (c.scrollWidth > c.clientWidth + 1 || out.length > 0) {
                overflows.push(c.textContent.slice(0, 60) + ' (' + c.scrollWidth + ' > ' + c.clientWidth + ')');
              }
            });
            document.body.setAttribute('data-measured-cells', 'cells=' + cells.length + ' problems=' + overflows.length
                + ';' + overflows.slice(0, 5).join(' | '));
            </script>
            """;

    private static String chromium(String... args) throws IOException, InterruptedException {
        String binary = chromiumBinary();
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("chromium finished within 120 s").isTrue();
        assertThat(process.exitValue()).as("chromium exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String chromiumBinary() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new AssertionError("headless Chromium is required: install Debian's chromium package "
                + "(apt-get install -y chromium; .ci/run does this)");
    }

    private static int rows(String dom, String tableId) {
        int start = dom.indexOf("<table id=\"" + tableId + "\"");
        assertThat(start).as("table " + tableId + " is in the DOM").isNotNegative();
        String table = dom.substring(start, dom.indexOf("</table>", start));
        int body = table.indexOf("<tbody>");
        // Rows of the paths table carry an anchor id: "<tr id=...>".
        return count(table.substring(body), "<tr>") + count(table.substring(body), "<tr id=");
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
