package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.Topics;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailFiles;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestKafka;
import dev.roletrail.testkit.TestS3;
import picocli.CommandLine;

/** {@code roletrail ingest} as a user runs it: against a real broker and S3 server, with one-line errors. */
@ExtendWith({KafkaBrokerExtension.class, S3ServerExtension.class})
class IngestCommandIT {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";

    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureOutput(TestS3 s3) {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        // The command takes credentials from the AWS default chain, as in production.
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void shouldReadFilesAndInventoryIntoNewTopics(TestKafka kafka, @TempDir Path dir) throws IOException {
        String prefix = kafka.uniqueName("cli");
        CloudTrailEvent first = CloudTrailEvent.byUser(ALICE).at(Instant.parse("2026-11-20T10:00:00Z"));
        CloudTrailEvent second = CloudTrailEvent.byUser(ALICE).at(Instant.parse("2026-11-20T10:01:00Z"));
        Files.write(dir.resolve("a.json.gz"), CloudTrailFiles.gzip(CloudTrailFiles.envelope(List.of(first.json()))));
        Files.writeString(dir.resolve("b.jsonl"), second.json() + "\n{broken\n");
        Path details = dir.resolve("iam").resolve("details.json");
        Files.createDirectories(details.getParent());
        try (InputStream in = IngestCommandIT.class.getResourceAsStream("/authorization-details.json")) {
            Files.write(details, in.readAllBytes());
        }

        int exit = run("ingest", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix,
                "--create-topics", "--files", dir.resolve("a.json.gz") + "," + dir.resolve("b.jsonl"),
                "--inventory", details.toString(), "--no-progress");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("inventory: " + details + " account 111122223333 (authorization_details")
                .contains("ingest: 2 objects read (0 already done), 2 records, 1 dead letters: 1 invalid JSON");
        Topics topics = new Topics(prefix);
        assertThat(kafka.consumeAll(topics.cloudtrail().name(), topics.cloudtrail().keySerde().deserializer(),
                topics.cloudtrail().valueSerde().deserializer(), Duration.ofMillis(200))).hasSize(2);
        assertThat(kafka.consumeAll(topics.inventory().name(), topics.inventory().keySerde().deserializer(),
                topics.inventory().valueSerde().deserializer(), Duration.ofMillis(200))).hasSize(6);
    }

    @Test
    void shouldWarnOfANamedFileItSkipsAndFailWhenNothingIsUsable(TestKafka kafka, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), CloudTrailEvent.byUser(ALICE).json() + "\n");
        Files.writeString(dir.resolve("bad.jsonl"), "{broken\n{\"hello\":1}\n");

        int exit = run("ingest", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix",
                kafka.uniqueName("bad"), "--create-topics", "--files", dir.resolve("notes.txt") + ","
                        + dir.resolve("bad.jsonl"), "--no-progress");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("ingest: skipped " + dir.resolve("notes.txt") + ": not a .json")
                .contains("ingest: 1 objects read (0 already done), 0 records, 2 dead letters: 1 not CloudTrail JSON, 1 invalid JSON");
        assertThat(err.toString().strip()).doesNotContain("\n")
                .contains("none of the 1 objects read held a usable CloudTrail record (2 dead letters: ");
    }

    @Test
    void shouldFailWithOneLineForAMissingBucket(TestKafka kafka, TestS3 s3) {
        int exit = run("ingest", "--bootstrap-servers", kafka.bootstrapServers(), "--bucket", "no-such-bucket-here",
                "--endpoint", s3.endpoint().toString(), "--region", "us-east-1", "--path-style");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("roletrail ingest", "no-such-bucket-here",
                "NoSuchBucket");
    }

    @Test
    void shouldFailWithOneLineForAnUnreachableEndpoint(TestKafka kafka) {
        int exit = run("ingest", "--bootstrap-servers", kafka.bootstrapServers(), "--bucket", "trail",
                "--endpoint", "http://127.0.0.1:1", "--region", "us-east-1", "--path-style");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("roletrail ingest", "cannot list s3://trail");
    }

    @Test
    void shouldFailWithOneLineWhenTopicsAreMissing(TestKafka kafka, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), CloudTrailEvent.byUser(ALICE).json() + "\n");

        int exit = run("ingest", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix",
                kafka.uniqueName("none"), "--files", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("topics missing", "--create-topics");
    }

    private int run(String... args) {
        CommandLine cli = RoleTrail.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
