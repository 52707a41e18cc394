package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.Topics;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.TestKafka;
import picocli.CommandLine;

/** {@code roletrail deadletters} on a real broker, after an ingest that met bad input. */
@ExtendWith(KafkaBrokerExtension.class)
class DeadlettersCommandIT {

    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    @Test
    void shouldPrintEachDeadLetterWithSourceReasonAndEscapedPayloadThenHowManyMore(TestKafka kafka,
            @TempDir Path dir) throws IOException {
        String prefix = kafka.uniqueName("dl");
        Path file = dir.resolve("mixed.jsonl");
        // An ANSI escape in the junk must reach the console as a visible escape, not as a colour change.
        Files.writeString(file, CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/alice").json() + "\n"
                + "{broken \u001b[31mred\n" + "{\"hello\":1}\n" + "<html>nope</html>\n");
        assertThat(run("ingest", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix,
                "--create-topics", "--files", file.toString(), "--no-progress")).as(err.toString()).isZero();
        out.reset();

        int exit = run("deadletters", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix,
                "--limit", "2");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString()).isZero();
        assertThat(printed).contains(file + " #1", "[ingest] invalid JSON", "{broken \\u001b[31mred")
                .doesNotContain("\u001b")
                .contains("... and 1 more (3 in all; --limit shows more)");
    }

    @Test
    void shouldSayWhenThereAreNone(TestKafka kafka) throws Exception {
        String prefix = kafka.uniqueName("none");
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        TopicSetup.ensure(props, new Topics(prefix), 2, (short) 1);

        int exit = run("deadletters", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No dead letters in " + prefix + ".deadletter.");
    }

    private int run(String... args) {
        CommandLine cli = RoleTrail.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
