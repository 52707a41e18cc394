package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.JsonReport;
import dev.roletrail.streams.report.ReportPublisher;
import dev.roletrail.streams.report.WeeklyReport;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestKafka;
import dev.roletrail.testkit.TestS3;
import picocli.CommandLine;

/**
 * {@code roletrail report} against a running streams app (query API with a token) and real Kafka: a week not yet
 * published is built on demand and written to a directory; once published, the same week is re-rendered from the
 * reports topic into an S3 prefix.
 */
@ExtendWith({KafkaBrokerExtension.class, S3ServerExtension.class})
class ReportCommandIT {

    private static final String WEEK = "2026-W47";
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String ROLE = "arn:aws:iam::111122223333:role/Deploy";
    private static final String TOKEN = "report-command-token-0123";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void shouldWriteAWeekFromTheQueryApiAndAgainFromTheTopic(TestKafka kafka, TestS3 s3, @TempDir Path dir)
            throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 2);
        produce(kafka, topics);
        Path config = dir.resolve("roletrail.properties");
        Files.writeString(config, String.join("\n", "query.token=" + TOKEN, "s3.endpoint=" + s3.endpoint(),
                "s3.region=us-east-1", "s3.path-style=true", "") );
        try (StreamsApp app = StreamsApp.withQueryApi(StreamsAppConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(), "topic.prefix", topics.prefix(),
                "streams.application.id", topics.prefix() + "-app", "streams.state.dir", dir.resolve("state").toString(),
                "kafka.commit.interval.ms", "100", "query.port", "0", "query.token", TOKEN))))) {
            app.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING
                    && app.queries().orElseThrow().findings(false).size() == 1
                    && app.queries().orElseThrow().edges(false).size() == 1);

            int exit = run("report", "--config", config.toString(), "--week", WEEK, "--query-url",
                    app.queryUri().orElseThrow().toString(), "--out", dir.resolve("out").toString());

            assertThat(exit).as(err.toString()).isZero();
            WeeklyReport org = JsonReport.parse(Files.readString(dir.resolve("out/" + WEEK + "/org.json")));
            assertThat(org.findings()).extracting(Finding::id).containsExactly("dormant-1");
            assertThat(org.edges()).singleElement().satisfies(e -> assertThat(e.role()).isEqualTo(ROLE));
            assertThat(dir.resolve("out/" + WEEK + "/111122223333.html")).exists();
            assertThat(Files.readString(dir.resolve("out/" + WEEK + "/org.csv"))).startsWith("record,kind,");

            int newest = run("report", "--config", config.toString(), "--query-url",
                    app.queryUri().orElseThrow().toString(), "--out", dir.resolve("newest").toString());

            assertThat(newest).as(err.toString()).isZero();
            assertThat(out.toString()).as("no --week: the newest week with data, said")
                    .contains("No --week given: writing " + WEEK + ", the newest week with data");
            assertThat(dir.resolve("newest/" + WEEK + "/org.json")).exists();

            Properties kafkaProps = new Properties();
            kafkaProps.put("bootstrap.servers", kafka.bootstrapServers());
            try (ReportPublisher publisher = new ReportPublisher(kafkaProps, topics.reports())) {
                publisher.publish(app.queries().orElseThrow().reports(IsoWeek.parse(WEEK)));
            }
        }
        String bucket = s3.createBucket("reports");
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());

        int exit = run("report", "--config", config.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--topic-prefix", topics.prefix(), "--week", WEEK, "--from-topic", "--scope", "org",
                "--formats", "md,json", "--out", "s3://" + bucket + "/weekly");

        assertThat(exit).as(err.toString()).isZero();
        List<String> keys = s3.client().listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                .map(o -> o.key()).toList();
        assertThat(keys).containsExactlyInAnyOrder("weekly/" + WEEK + "/org.md", "weekly/" + WEEK + "/org.json");
        String markdown = s3.client().getObjectAsBytes(b -> b.bucket(bucket).key("weekly/" + WEEK + "/org.md"))
                .asUtf8String();
        assertThat(markdown).contains("Dormant access keys (1)", "AKIAALICE0000000001");

        int newest = run("report", "--config", config.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--topic-prefix", topics.prefix(), "--from-topic", "--out", dir.resolve("from-topic").toString());

        assertThat(newest).as(err.toString()).isZero();
        assertThat(out.toString()).contains("writing " + WEEK + ", the newest week on the reports topic");
        assertThat(dir.resolve("from-topic/" + WEEK + "/org.json")).exists();
    }

    private static void produce(TestKafka kafka, Topics topics) {
        Instant at = Instant.parse("2026-11-18T10:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), topics.cloudtrail().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.cloudtrail().name(), ALICE,
                    CloudTrailEvent.byUser(ALICE).assumeRole(ROLE).at(at).bytes()));
        }
        Finding dormant = new Finding("dormant-1", FindingKind.DORMANT_KEY, FindingStatus.OPEN, Severity.MEDIUM,
                "Dormant access key", "111122223333", "AKIAALICE0000000001", "access-key", null,
                at.minus(Duration.ofDays(90)), at, Instant.parse("2026-07-01T00:00:00Z"),
                List.of("unused for 140 days"), "Deactivate, then delete the key", null, null);
        try (KafkaProducer<String, Finding> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), topics.findings().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.findings().name(), dormant.id(), dormant));
        }
    }

    private int run(String... args) {
        CommandLine cli = RoleTrail.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
