package dev.roletrail.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The demo runs on real parts (in-process broker and S3 server) and shows its labelled incidents. */
class DemoIT {

    @Test
    void shouldPrintTheLabelledIncidentsAndStopCleanly() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        try (Demo demo = new Demo(out)) {
            demo.start(7);

            assertThat(demo.awaitAlerts(2, Duration.ofSeconds(90))).as("two alerts within 90 s").isTrue();
            assertThat(demo.ingested().deadLetters()).as("the corrupt object and the record without eventTime")
                    .isEqualTo(2);
        }

        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("ALERT MEDIUM", "user/alice", "role/Admin")
                .contains("ALERT HIGH", "user/carol", "999988887777:role/VendorAccess")
                .as("mallory is new, so still learning").doesNotContain("user/mallory");
    }
}
