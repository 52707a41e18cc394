package dev.roletrail.testkit;

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

/**
 * A weekly report's HTML as a person sees it: headless Chromium (Debian's {@code chromium}, which {@code .ci/run}
 * installs) dumps the DOM it built, takes screenshots, and measures the laid-out texts with the browser's fonts. Fails,
 * never skips, when Chromium is missing. Knows the report's markup only by its classes and table ids
 * ({@code svg.access-graph}, {@code .node}, {@code svg.chart}, {@code <table id=...>}).
 */
public final class ReportInBrowser {

    /** The windows a report is measured at: Chromium's default, and the 1,400 px the report is made for. */
    public enum Window {
        DEFAULT(List.of()), REPORT_WIDTH(List.of("--window-size=1400,2600"));

        private final List<String> args;

        Window(List<String> args) {
            this.args = args;
        }
    }

    /**
     * What the measuring script counted in one part of the page.
     *
     * @param measured how many texts (or cells) it measured
     * @param problems how many overlap or overflow
     * @param examples the first five problems, for the failure message
     */
    public record Measured(int measured, int problems, String examples) {

        private static final Pattern FORMAT = Pattern.compile("(?:\\w+=\\d+ )*\\w+=(\\d+) problems=(\\d+);(.*)",
                Pattern.DOTALL);

        static Measured parse(String attribute) {
            Matcher m = FORMAT.matcher(attribute);
            assertThat(m.matches()).as("the measuring script's result: " + attribute).isTrue();
            return new Measured(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
        }
    }

    /**
     * The layout of a report in one window.
     *
     * @param graph      the access graph's texts: over another text, over a node other than their own, or spilling
     *                   out of their own node's box
     * @param charts     how many charts the page draws
     * @param chartTexts the charts' texts: over another text
     * @param cells      table cells: text beyond the cell (scroll width beyond its width, or a line of text outside
     *                   its box)
     */
    public record Layout(Measured graph, int charts, Measured chartTexts, Measured cells) {
    }

    private static final Pattern CHARTS = Pattern.compile("charts=(\\d+) ");

    private final Path workDir;

    /** A browser whose profiles, measured copies and outputs go under {@code workDir} (a test's temporary folder). */
    public ReportInBrowser(Path workDir) {
        this.workDir = workDir;
    }

    /** The DOM Chromium built from the file, at its default window. */
    public String dom(Path html) throws IOException, InterruptedException {
        return chromium("--dump-dom", html.toUri().toString());
    }

    /** Takes a screenshot of the file in a window of that size, and checks it is a real picture, not an empty page. */
    public Path screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        chromium("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                html.toUri().toString());
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).as("a real picture, not an empty page").isGreaterThan(50_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        return png;
    }

    /**
     * Measured by the browser, with its fonts, on a copy of the report with a script appended (the report itself
     * allows none: its Content-Security-Policy is dropped from the copy), whose result is read back from the DOM.
     */
    public Layout measure(String html, Window window) throws IOException, InterruptedException {
        Path measured = Files.createTempFile(workDir, "measured-", ".html");
        Files.writeString(measured, html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
                .replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(window.args);
        args.addAll(List.of("--dump-dom", measured.toUri().toString()));
        String dom = chromium(args.toArray(String[]::new));
        String charts = attribute(dom, "data-measured-charts");
        Matcher chartCount = CHARTS.matcher(charts);
        assertThat(chartCount.find()).as("the charts were counted: " + charts).isTrue();
        return new Layout(Measured.parse(attribute(dom, "data-measured")), Integer.parseInt(chartCount.group(1)),
                Measured.parse(charts), Measured.parse(attribute(dom, "data-measured-cells")));
    }

    /**
     * At the default window and at 1,400 px: the graph's texts were measured and none is over another or over a node
     * other than its own or spills out of its own; the page draws {@code charts} charts whose texts were measured and
     * none is over another; the table cells were measured and no text lies outside its cell.
     */
    public void assertTextsApartAndInsideCells(Path html, int charts) throws IOException, InterruptedException {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        for (Window window : Window.values()) {
            Layout layout = measure(page, window);
            assertThat(layout.graph().measured()).as("graph texts measured, " + window).isPositive();
            assertThat(layout.graph().problems()).as("graph texts over another or a node, " + window + ": "
                    + layout.graph().examples()).isZero();
            assertThat(layout.charts()).as("charts, " + window).isEqualTo(charts);
            assertThat(layout.chartTexts().measured()).as("chart texts measured, " + window).isPositive();
            assertThat(layout.chartTexts().problems()).as("chart texts over another, " + window + ": "
                    + layout.chartTexts().examples()).isZero();
            assertThat(layout.cells().measured()).as("table cells measured, " + window).isPositive();
            assertThat(layout.cells().problems()).as("table cells overflowing, " + window + ": "
                    + layout.cells().examples()).isZero();
        }
    }

    /** How many rows the body of the table with that id has in the DOM. */
    public static int rows(String dom, String tableId) {
        int start = dom.indexOf("<table id=\"" + tableId + "\"");
        assertThat(start).as("table " + tableId + " is in the DOM").isNotNegative();
        String table = dom.substring(start, dom.indexOf("</table>", start));
        String body = table.substring(table.indexOf("<tbody>"));
        // Rows of the paths table carry an anchor id: "<tr id=...>".
        return count(body, "<tr>") + count(body, "<tr id=");
    }

    /** How many times {@code needle} occurs in the text. */
    public static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String attribute(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("the measuring script ran and set " + name).isTrue();
        return m.group(1);
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

    private String chromium(String... args) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path profile = Files.createTempDirectory(workDir, "profile");
        List<String> command = new ArrayList<>(List.of(chromiumBinary(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "chromium-", ".out");
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
}
