package dev.roletrail.local.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.embedded.EmbeddedKafkaBroker;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.testkit.CloudTrailSamples;
import dev.roletrail.testkit.RealShapes;

/**
 * {@code roletrail analyze} as a user runs it: the packaged command in a child JVM, on a directory of real public
 * CloudTrail (the Stratus Red Team detonations and the AWS documentation's examples) with some junk beside it.
 */
class AnalyzeIT {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path work;

    @Test
    void shouldAnalyseAFolderExitByItselfReportEveryWeekAndAddNothingOnARerun() throws Exception {
        Path trail = realTrailWithJunk(work.resolve("my-trail"));
        Path state = work.resolve("state");
        Path reports = work.resolve("reports");

        Run first = analyze(trail, state, reports);

        assertThat(first.exit).as(first.output).isZero();
        assertThat(first.output).as("alerts printed as they are committed")
                .contains("ALERT HIGH     access-path-created", "session-credential-network-change",
                        "stratus-red-team-ec2-steal-credentials-role", "ALERT CRITICAL root-activity",
                        "assume-role-denied-burst");
        TrailSummary summary = summaryOf(state);
        assertThat(first.output).as("the summary is counted from the topics")
                .contains(summary.lines().toArray(String[]::new));
        assertThat(first.output).as("every record on the topic reached a principal or was counted out")
                .containsPattern("Accounted for: [0-9,]+ records = [0-9,]+ principal events")
                .doesNotContain("not accounted for");
        assertThat(summary.records()).as("every Stratus record and the readable documentation examples")
                .isGreaterThanOrEqualTo(300);
        assertThat(summary.deadLetters()).as("junk is dead-lettered with its reason, the rest still analysed")
                .containsKeys("not-cloudtrail", "gzip");
        assertThat(summary.deadLetters().get("not-cloudtrail")).as("binary, HTML and an IAM inventory file")
                .isGreaterThanOrEqualTo(3);
        assertThat(summary.alerts()).containsKeys("access-path-created", "session-credential-network-change");
        assertThat(summary.identities()).as("who is behind the trail's identities, without an IAM inventory")
                .containsKeys(IdentityKind.HUMAN, IdentityKind.WORKLOAD);
        List<IsoWeek> weeks = summary.weeks();
        assertThat(weeks).hasSizeGreaterThan(4);
        for (IsoWeek week : weeks) {
            assertThat(reports.resolve(week.toString()).resolve("org.html")).as("report of %s", week).isNotEmptyFile();
        }

        Run second = analyze(trail, state, reports);

        assertThat(second.exit).as(second.output).isZero();
        assertThat(second.output).as("a rerun reads nothing again and raises nothing twice")
                .contains("objects read (").doesNotContain("ALERT ");
        TrailSummary again = summaryOf(state);
        assertThat(again.records()).isEqualTo(summary.records());
        assertThat(again.alerts()).isEqualTo(summary.alerts());
        assertThat(again.deadLetterCount()).isEqualTo(summary.deadLetterCount());
        assertThat(again.identities()).isEqualTo(summary.identities());
    }

    @Test
    void shouldRejectAMissingSourceWithOneLine() throws Exception {
        Run run = analyze(work.resolve("no-such-dir"), work.resolve("state"), work.resolve("reports"));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.output.strip()).doesNotContain("\n").contains("no such file or directory", "no-such-dir");
    }

    private static Path realTrailWithJunk(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("stratus"));
        for (String name : CloudTrailSamples.stratusFileNames()) {
            Files.writeString(dir.resolve("stratus").resolve(name), CloudTrailSamples.stratus(name));
        }
        Files.createDirectories(dir.resolve("real-shapes"));
        for (String name : RealShapes.fileNames()) {
            Files.writeString(dir.resolve("real-shapes").resolve(name), RealShapes.read(name));
        }
        List<String> docs = new ArrayList<>(CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_IAM));
        docs.addAll(CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_CLOUDTRAIL));
        Files.write(dir.resolve("aws-docs.jsonl"), docs);
        Path junk = Files.createDirectories(dir.resolve("junk"));
        Files.write(junk.resolve("binary.json"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 3});
        Files.write(junk.resolve("empty.json"), new byte[0]);
        Files.writeString(junk.resolve("page.json"), "<html><body>Not Found</body></html>");
        Files.writeString(junk.resolve("inventory.json"), "{\"Users\":[{\"UserName\":\"alice\"}]}");
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(CloudTrailSamples.stratus(CloudTrailSamples.stratusFileNames().get(0))
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = gzip.toByteArray();
        Files.write(junk.resolve("truncated.json.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        return dir;
    }

    private record Run(int exit, String output) {
    }

    private static Run analyze(Path trail, Path state, Path reports) throws Exception {
        Path log = Files.createTempFile(state.getParent(), "analyze", ".out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", Path.of("target", "roletrail.jar").toAbsolutePath().toString(),
                "analyze", trail.toString(), "--state-dir", state.toString(), "--out", reports.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("analyze did not stop by itself within " + RUN_LIMIT + ":\n"
                    + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    /** The topics the run left in its state directory, read by a broker started on it again. */
    private static TrailSummary summaryOf(Path state) {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(state.resolve("kafka"))) {
            Properties kafka = new Properties();
            kafka.put("bootstrap.servers", broker.bootstrapServers());
            return TrailSummary.read(kafka, new Topics(Topics.DEFAULT_PREFIX), Duration.ofMinutes(1));
        }
    }
}
