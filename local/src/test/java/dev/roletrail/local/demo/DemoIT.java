package dev.roletrail.local.demo;

import static dev.roletrail.testkit.ReportInBrowser.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.testkit.ReportInBrowser;

/**
 * The demo runs on real parts (in-process broker and S3 server) and shows the simulated organisation's attacks; the
 * weekly report it writes on stopping reads well in headless Chromium. The screenshot of that report, written to
 * {@code target/}, is kept as {@code docs/weekly-report-demo.png} (copy it over when the look changes).
 */
class DemoIT {

    private static final Path REPORT_DIR = Path.of("target", "demo-report");
    private static final Path SCREENSHOT = Path.of("target", "weekly-report-demo.png");

    /** Detectors whose scenarios do not depend on session lineage across hops, so the demo must always show them. */
    private static final Set<String> SHOWN = Set.of("root-activity", "sensitive-role-assumed", "access-path-created",
            "assume-role-denied-burst", "dormant-credential-reactivated", "new-federated-subject");

    @TempDir
    Path dir;

    @Test
    void shouldPrintSeveralKindsOfAlertForTheLabelledAttacksAndStopCleanly() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Organization org = Simulator.organization(SimulationSpec.small(7));
        IsoWeek week = IsoWeek.of(SimulationSpec.small(7).end());
        Path html = REPORT_DIR.resolve(week + "/org.html");

        try (Demo demo = new Demo(out)) {
            demo.start(7);

            // Alerts arrive as the streams app commits them, in no fixed order: wait for every kind shown and for
            // the break-glass alert, then check what they say.
            await("alerts of " + SHOWN + " and the break-glass role's").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> demo.alerts().stream().map(Alert::detector).toList().containsAll(SHOWN)
                            && demo.alerts().stream().anyMatch(a -> a.role() != null
                                    && a.role().endsWith(":role/BreakGlassAccess")));
            assertThat(demo.ingested().deadLetters()).as("the corrupt object and the record without eventTime")
                    .isEqualTo(2);
            assertThat(demo.simulated().labels().labels()).as("labelled scenarios").hasSizeGreaterThan(10);

            List<Alert> alerts = demo.alerts();
            assertThat(alerts).as("the break-glass role is CRITICAL").anyMatch(a -> a.severity() == Severity.CRITICAL
                    && a.role() != null && a.role().endsWith(":role/BreakGlassAccess"));
            assertThat(alerts).as("the trusted vendor's daily visit is no unknown external account")
                    .noneMatch(a -> a.detector().equals("unknown-external-account")
                            && a.entity().startsWith("account:" + org.vendors().get(0)));

            // As the demo command does on stopping, before it closes the demo.
            assertThat(demo.writeReport(REPORT_DIR)).as("the organisation's report of the data's last week")
                    .contains(html);
        }

        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("ALERT CRITICAL", "ALERT HIGH", "role/BreakGlassAccess", "Seeded s3://");

        ReportInBrowser browser = new ReportInBrowser(dir);
        String dom = browser.dom(html);
        assertThat(dom).as("the report names its week").contains("<h1>RoleTrail weekly report " + week);
        assertThat(rows(dom, "riskiest-table")).as("the week's riskiest items").isBetween(1, 5);
        browser.assertTextsApartAndInsideCells(html, 2);
        // Tall enough to show the access graph, below the riskiest items, the charts, the findings and the break-glass
        // roles.
        browser.screenshot(html, SCREENSHOT, 1400, 7200);
    }
}
