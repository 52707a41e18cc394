package dev.roletrail.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.org.Organization;

/** The demo runs on real parts (in-process broker and S3 server) and shows the simulated organisation's attacks. */
class DemoIT {

    /** Detectors whose scenarios do not depend on session lineage across hops, so the demo must always show them. */
    private static final Set<String> SHOWN = Set.of("root-activity", "sensitive-role-assumed", "access-path-created",
            "assume-role-denied-burst", "dormant-credential-reactivated", "new-federated-subject");

    @Test
    void shouldPrintSeveralKindsOfAlertForTheLabelledAttacksAndStopCleanly() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Organization org = Simulator.organization(SimulationSpec.small(7));

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
        }

        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("ALERT CRITICAL", "ALERT HIGH", "role/BreakGlassAccess", "Seeded s3://");
    }
}
