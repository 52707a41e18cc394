package dev.roletrail.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.roletrail.embedded.EmbeddedKafkaBroker;
import dev.roletrail.embedded.EmbeddedS3Server;
import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.IngestStats;
import dev.roletrail.ingest.Ingester;
import dev.roletrail.ingest.inventory.InventoryIngester;
import dev.roletrail.ingest.inventory.InventorySnapshot;
import dev.roletrail.ingest.inventory.InventorySources;
import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.ingest.source.FileSource;
import dev.roletrail.launcher.TopicSetup;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole pipeline in one process, for the demo and for evaluation: a real Kafka broker (KRaft) and an
 * S3-compatible server, the topics, ingest of a bucket's inventory and CloudTrail, and the streams app. No Docker,
 * no AWS account.
 */
public final class InProcessPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessPipeline.class);
    public static final String BUCKET = "roletrail-local";
    public static final String INVENTORY_PREFIX = "inventory/";

    private final Path workDir;
    private final boolean deleteOnClose;
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedS3Server s3Server;
    private final IngestConfig ingestConfig;
    private final StreamsAppConfig streamsConfig;
    private final S3Client s3;
    private final Map<String, String> settings;
    private StreamsApp streams;

    private InProcessPipeline(Path workDir, boolean deleteOnClose, EmbeddedKafkaBroker broker,
            EmbeddedS3Server s3Server, Map<String, String> settings) {
        this.workDir = workDir;
        this.deleteOnClose = deleteOnClose;
        this.broker = broker;
        this.s3Server = s3Server;
        this.settings = Map.copyOf(settings);
        Settings all = Settings.of(settings);
        this.ingestConfig = IngestConfig.from(all);
        this.streamsConfig = StreamsAppConfig.from(all);
        this.s3 = s3Server == null ? null : S3Clients.create(ingestConfig.s3(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(s3Server.accessKey(), s3Server.secretKey())));
    }

    /**
     * Starts the broker and the S3 server in a new temporary directory (deleted on close), creates the topics and an
     * empty bucket.
     *
     * @param settings more settings (org.accounts, detector parameters); they win over the local defaults
     */
    public static InProcessPipeline start(Map<String, String> settings) throws Exception {
        Path workDir = Files.createTempDirectory("roletrail-local");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(workDir.resolve("kafka"));
        EmbeddedS3Server s3Server = EmbeddedS3Server.start();
        Map<String, String> all = localDefaults(workDir, broker);
        all.put("ingest.s3.bucket", BUCKET);
        all.put("s3.endpoint", s3Server.endpoint().toString());
        all.put("s3.region", "us-east-1");
        all.put("s3.path-style", "true");
        all.putAll(settings);
        InProcessPipeline pipeline = new InProcessPipeline(workDir, true, broker, s3Server, all);
        pipeline.createTopics();
        pipeline.s3.createBucket(b -> b.bucket(BUCKET));
        return pipeline;
    }

    /**
     * Starts the broker on a state directory that outlives this run (its topics, the streams app's state and
     * offsets, and ingest's progress stay there, so a second run goes on where the first stopped), without an S3
     * server: the input is the user's own.
     *
     * @param settings more settings; they win over the local defaults, except where Kafka and the state live
     */
    public static InProcessPipeline inStateDirectory(Path stateDir, Map<String, String> settings) throws Exception {
        Path workDir = stateDir.toAbsolutePath();
        Files.createDirectories(workDir);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(workDir.resolve("kafka"));
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(localDefaults(workDir, broker));
        // A closed Kafka Streams member does not leave its group: the next run's member waits for the old one's
        // session to time out before it gets the partitions. The broker's shortest session keeps that wait short.
        all.putIfAbsent("kafka.session.timeout.ms", "6000");
        all.putIfAbsent("kafka.heartbeat.interval.ms", "2000");
        // Ingest settings must name a source; the caller builds the config of each of its own sources.
        all.put("ingest.files", "-");
        InProcessPipeline pipeline = new InProcessPipeline(workDir, false, broker, null, all);
        pipeline.createTopics();
        return pipeline;
    }

    private static Map<String, String> localDefaults(Path workDir, EmbeddedKafkaBroker broker) {
        return new LinkedHashMap<>(Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "streams.state.dir", workDir.resolve("state").toString(),
                "kafka.commit.interval.ms", "200",
                "query.port", "0"));
    }

    /**
     * One partition per topic: the local streams app runs one stream thread, so more partitions would buy no
     * parallelism, and with one the lineage task delivers every session to itself and places all its stream-time work
     * by the records, so the same files give the same alerts and findings however the run is batched or restarted.
     */
    private void createTopics() throws Exception {
        TopicSetup.ensure(ingestConfig.kafka(), ingestConfig.topics(), 1, (short) 1);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String s3Endpoint() {
        return localS3().endpoint().toString();
    }

    /** The client of the local S3 server; closed with the pipeline. */
    public S3Client s3() {
        localS3();
        return s3;
    }

    private EmbeddedS3Server localS3() {
        if (s3Server == null) {
            throw new IllegalStateException("this pipeline runs without a local S3 server");
        }
        return s3Server;
    }

    /** Every setting this pipeline runs with, the local defaults included. */
    public Map<String, String> settings() {
        return settings;
    }

    /** Where the broker's data and the streams app's state live. */
    public Path workDir() {
        return workDir;
    }

    public IngestConfig ingestConfig() {
        return ingestConfig;
    }

    public StreamsAppConfig streamsConfig() {
        return streamsConfig;
    }

    /** Starts the streams app with its query API (on a free loopback port unless the settings say otherwise). */
    public void startStreams() {
        streams = StreamsApp.withQueryApi(streamsConfig);
        streams.start();
    }

    /** The running streams app, once {@link #startStreams} was called. */
    public Optional<StreamsApp> streams() {
        return Optional.ofNullable(streams);
    }

    /** Writes every inventory snapshot under {@code inventory/} of the bucket; returns how many. */
    public int ingestInventory() throws Exception {
        localS3();
        return ingestInventory(InventorySources.read(List.of("s3://" + BUCKET + "/" + INVENTORY_PREFIX), () -> s3));
    }

    /** Writes every inventory snapshot under a local directory, as {@code ingest --inventory DIR}; returns how many. */
    public int ingestInventory(Path dir) throws Exception {
        return ingestInventory(InventorySources.read(List.of(dir.toString()), null));
    }

    private int ingestInventory(List<InventorySnapshot> snapshots) throws Exception {
        String transactionalId = ingestConfig.transactionalId() + "-inventory";
        try (InventoryIngester ingester = new InventoryIngester(ingestConfig.kafka(),
                ingestConfig.topics().inventory(), transactionalId)) {
            for (InventorySnapshot snapshot : snapshots) {
                ingester.write(snapshot);
            }
        }
        return snapshots.size();
    }

    /** Reads every CloudTrail log object of the bucket into the cloudtrail topic, exactly once. */
    public IngestStats ingestTrail() throws IOException {
        localS3();
        try (Ingester ingester = new Ingester(ingestConfig)) {
            return ingester.ingest(new S3ObjectSource(s3, BUCKET, "", null));
        }
    }

    /** Reads every CloudTrail file under a local directory into the cloudtrail topic, as {@code ingest --files DIR}. */
    public IngestStats ingestTrail(Path dir) throws IOException {
        try (Ingester ingester = new Ingester(ingestConfig)) {
            return ingester.ingest(new FileSource(List.of(dir)));
        }
    }

    @Override
    public void close() {
        closeQuietly("streams app", streams);
        closeQuietly("S3 client", s3);
        closeQuietly("S3 server", s3Server);
        closeQuietly("Kafka broker", broker);
        if (!deleteOnClose) {
            return;
        }
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
