package dev.roletrail.launcher.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.roletrail.embedded.EmbeddedKafkaBroker;
import dev.roletrail.embedded.EmbeddedS3Server;
import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.IngestStats;
import dev.roletrail.ingest.Ingester;
import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.launcher.TopicSetup;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.ReportFiles;
import dev.roletrail.streams.report.ReportFormat;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Everything in one process, no Docker, no AWS account: a real Kafka broker (KRaft) and an S3-compatible server,
 * seeded with {@link DemoOrganization}; ingest reads the bucket through the S3 API, the streams app raises alerts,
 * and the alerts are printed as they are committed.
 */
public final class Demo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final String BUCKET = "demo-cloudtrail";

    private final PrintStream out;
    private final Path workDir;
    private EmbeddedKafkaBroker broker;
    private EmbeddedS3Server s3Server;
    private StreamsApp streams;
    private AlertTail alerts;
    private IngestStats ingested;

    public Demo(PrintStream out) throws IOException {
        this.out = out;
        this.workDir = Files.createTempDirectory("roletrail-demo");
    }

    public void start(long seed) throws Exception {
        long t0 = System.nanoTime();
        broker = EmbeddedKafkaBroker.start(workDir.resolve("kafka"));
        s3Server = EmbeddedS3Server.start();
        out.printf("Kafka broker (KRaft) at %s, S3 API at %s, started in %d ms%n", broker.bootstrapServers(),
                s3Server.endpoint(), (System.nanoTime() - t0) / 1_000_000);

        Settings settings = Settings.of(Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "ingest.s3.bucket", BUCKET,
                "s3.endpoint", s3Server.endpoint().toString(),
                "s3.region", "us-east-1",
                "s3.path-style", "true",
                "streams.state.dir", workDir.resolve("state").toString(),
                "kafka.commit.interval.ms", "200",
                "query.port", "0"));
        IngestConfig ingestConfig = IngestConfig.from(settings);
        StreamsAppConfig streamsConfig = StreamsAppConfig.from(settings);
        TopicSetup.ensure(ingestConfig.kafka(), ingestConfig.topics(), 4, (short) 1);

        try (S3Client s3 = s3Client(ingestConfig)) {
            List<DemoOrganization.LogObject> objects = DemoOrganization.generate(seed);
            s3.createBucket(b -> b.bucket(BUCKET));
            for (DemoOrganization.LogObject object : objects) {
                s3.putObject(b -> b.bucket(BUCKET).key(object.key()), RequestBody.fromBytes(object.bytes()));
            }
            out.printf("Seeded s3://%s with %d CloudTrail log objects of a simulated organisation (%d days)%n",
                    BUCKET, objects.size(), DemoOrganization.BENIGN_DAYS + 1);

            streams = StreamsApp.withQueryApi(streamsConfig);
            streams.start();
            streams.queryUri().ifPresent(uri -> out.printf("Query API at %s (try %sfindings or %salerts)%n", uri, uri, uri));
            alerts = new AlertTail(ingestConfig.kafka(), ingestConfig.topics().alerts(), new AlertPrinter(out)).start();

            try (Ingester ingester = new Ingester(ingestConfig)) {
                ingested = ingester.ingest(new S3ObjectSource(s3, BUCKET, "", null));
            }
        }
        out.printf("Ingested %d objects: %d records, %d dead letters (see %s)%n", ingested.objectsRead(),
                ingested.records(), ingested.deadLetters(), ingestConfig.topics().deadletter().name());
    }

    public long alertsPrinted() {
        return alerts == null ? 0 : alerts.printed();
    }

    /** The alerts printed so far. */
    public java.util.List<dev.roletrail.schemas.alert.Alert> alerts() {
        return alerts == null ? java.util.List.of() : alerts.alerts();
    }

    public IngestStats ingested() {
        return ingested;
    }

    /** Waits until at least {@code count} alerts were printed or the timeout passes; true when they were. */
    public boolean awaitAlerts(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alertsPrinted() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return alertsPrinted() >= count;
    }

    /** Writes the weekly report of the week the latest alert fell in, as the streams app builds it now. */
    public List<Path> writeReport(Path dir) throws IOException {
        if (streams == null || streams.queries().isEmpty()) {
            return List.of();
        }
        Instant latest = alerts().stream().map(Alert::lastEventTime)
                .max(Comparator.naturalOrder()).orElse(DemoOrganization.START);
        return ReportFiles.write(dir, streams.queries().get().reports(IsoWeek.of(latest)),
                EnumSet.allOf(ReportFormat.class));
    }

    private S3Client s3Client(IngestConfig config) {
        return S3Clients.create(config.s3(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(s3Server.accessKey(), s3Server.secretKey())));
    }

    @Override
    public void close() {
        closeQuietly("alert tail", alerts);
        closeQuietly("streams app", streams);
        closeQuietly("S3 server", s3Server);
        closeQuietly("Kafka broker", broker);
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", workDir, e.getMessage());
        }
    }

    private static void closeQuietly(String what, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing the {} failed: {}", what, e.toString());
        }
    }
}
