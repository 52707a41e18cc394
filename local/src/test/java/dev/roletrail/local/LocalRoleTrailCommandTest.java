package dev.roletrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The local commands' flags and errors, through the same command line the roletrail script runs. */
class LocalRoleTrailCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = LocalRoleTrail.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldPrintHelpForEveryCommand() {
        for (String command : new String[] {"demo", "analyze", "ingest", "streams", "report", "simulate", "evaluate"}) {
            assertThat(run(command, "--help")).isZero();
        }
        assertThat(out.toString()).contains("Usage: roletrail demo", "Usage: roletrail analyze",
                "Usage: roletrail ingest", "Usage: roletrail streams", "Usage: roletrail report",
                "Usage: roletrail simulate", "Usage: roletrail evaluate");
    }

    @Test
    void shouldRejectAWrongFlagWithOneLineNamingIt() {
        int exit = run("demo", "--no-such-flag");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n")
                .contains("roletrail demo", "--no-such-flag", "--help");
    }

    @Test
    void shouldRejectAnUnparseableDuration() {
        assertThat(run("demo", "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString().strip()).contains("--duration", "soon");
    }

    @Test
    void shouldRejectASimulationTooShortToLearnWithOneLine() {
        int exit = run("simulate", "--out", "target/never-written", "--days", "5");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("roletrail simulate", "days", "21");
    }

    @Test
    void shouldRejectAWrongFlagOfEvaluateWithOneLine() {
        int exit = run("evaluate", "--accounts", "many");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("roletrail evaluate", "--accounts", "many");
    }

    @Test
    void shouldRejectAWrongFeedOfEvaluateWithOneLineBeforeStartingAnything() {
        int exit = run("evaluate", "--scale", "--feed", "kafka");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("roletrail evaluate", "--feed", "kafka",
                "s3, files");
    }

    @Test
    void shouldRejectTwoStartingOrganisationsWithOneLine() {
        int exit = run("simulate", "--out", "target/never-written", "--small", "--scale");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("roletrail simulate", "--small", "--scale");
    }

    @Test
    void shouldRequireWhereToWriteTheSimulation() {
        assertThat(run("simulate")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void shouldSimulateIntoADirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        int exit = run("simulate", "--small", "--out", dir.toString(), "--seed", "3");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(dir.resolve("labels.json")).isNotEmptyFile();
        assertThat(dir.resolve("AWSLogs")).isDirectory();
        assertThat(dir.resolve("inventory")).isDirectory();
    }
}
