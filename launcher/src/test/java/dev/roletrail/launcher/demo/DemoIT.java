package dev.roletrail.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;

/** The demo runs on real parts (in-process broker and S3 server) and shows its labelled incidents. */
class DemoIT {

    private static final String ALICE = "arn:aws:iam::111111111111:user/alice";
    private static final String CAROL = "arn:aws:iam::111111111111:user/carol";
    private static final String MALLORY = "arn:aws:iam::111111111111:user/mallory";
    private static final String ADMIN = "arn:aws:iam::111111111111:role/Admin";
    private static final String VENDOR = "arn:aws:iam::999988887777:role/VendorAccess";

    @Test
    void shouldPrintTheLabelledIncidentsAndStopCleanly() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        try (Demo demo = new Demo(out)) {
            demo.start(7);

            assertThat(demo.awaitAlerts(4, Duration.ofSeconds(90))).as("four alerts within 90 s").isTrue();
            assertThat(demo.ingested().deadLetters()).as("the corrupt object and the record without eventTime")
                    .isEqualTo(2);

            assertThat(demo.alerts()).extracting(Alert::detector, Alert::principal, Alert::role).contains(
                    tuple("first-time-assumption", ALICE, ADMIN),
                    tuple("sensitive-role-assumed", ALICE, ADMIN),
                    tuple("first-time-assumption", CAROL, VENDOR),
                    tuple("sensitive-role-assumed", MALLORY, ADMIN));
            assertThat(demo.alerts()).as("mallory is new: still learning, so no first-time alert")
                    .noneMatch(a -> a.detector().equals("first-time-assumption") && a.principal().equals(MALLORY));
        }

        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("ALERT MEDIUM", "ALERT HIGH", "user/alice", "role/Admin");
    }
}
