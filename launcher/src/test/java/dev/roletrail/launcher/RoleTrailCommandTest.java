package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class RoleTrailCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = RoleTrail.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldRejectAWrongConfigValueWithOneLineNamingTheSetting() {
        int exit = run("ingest", "--bucket", "b", "--endpoint", "not a url");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("s3.endpoint", "not a url");
    }

    @Test
    void shouldRequireASourceForIngest() {
        assertThat(run("ingest")).isEqualTo(2);
        assertThat(err.toString()).contains("ingest.s3.bucket");
    }

    @Test
    void shouldPrintHelpForEveryCommand() {
        for (String command : new String[] {"ingest", "streams", "report"}) {
            assertThat(run(command, "--help")).isZero();
        }
        assertThat(out.toString()).contains("Usage: roletrail ingest", "Usage: roletrail streams",
                "Usage: roletrail report");
    }

    @Test
    void shouldRejectAReportWeekThatIsNotAnIsoWeek() {
        assertThat(run("report", "--week", "2026-11-16")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--week", "2026-11-16");
    }

    @Test
    void shouldRejectAnUnknownReportFormat() {
        assertThat(run("report", "--week", "2026-W47", "--formats", "html,pdf")).isEqualTo(2);
        assertThat(err.toString()).contains("--formats", "pdf");
    }

    @Test
    void shouldSayWhenTheQueryApiIsNotThere() {
        assertThat(run("report", "--week", "2026-W47", "--query-url", "http://127.0.0.1:9")).isEqualTo(1);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("report.query-url", "127.0.0.1:9");
    }

}
