package dev.roletrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalLoggingTest {

    @Test
    void shouldLogAnAnalysisIntoItsStateDirectory() {
        assertThat(LocalLogging.logFile(List.of("analyze", "./trail"))).hasValue(Path.of(".roletrail/roletrail.log"));
        assertThat(LocalLogging.logFile(List.of("analyze", "--state-dir", "/tmp/s", "./trail")))
                .hasValue(Path.of("/tmp/s/roletrail.log"));
        assertThat(LocalLogging.logFile(List.of("analyze", "--state-dir=/tmp/t", "-")))
                .hasValue(Path.of("/tmp/t/roletrail.log"));
        assertThat(LocalLogging.logFile(List.of("demo", "--duration", "60s")))
                .hasValue(Path.of(".roletrail/roletrail.log"));
    }

    @Test
    void shouldLeaveTheLogOnTheConsoleWhenVerboseForHelpAndForProductionCommands() {
        assertThat(LocalLogging.logFile(List.of("analyze", "--verbose", "./trail"))).isEmpty();
        assertThat(LocalLogging.logFile(List.of("analyze", "--help"))).isEmpty();
        assertThat(LocalLogging.logFile(List.of("streams"))).as("a production command logs as a service does")
                .isEmpty();
        assertThat(LocalLogging.logFile(List.of())).isEmpty();
    }
}
