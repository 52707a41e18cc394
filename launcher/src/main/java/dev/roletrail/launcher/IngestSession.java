package dev.roletrail.launcher;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.IngestListener;
import dev.roletrail.ingest.IngestStats;
import dev.roletrail.ingest.Ingester;
import dev.roletrail.ingest.KafkaPreflight;
import dev.roletrail.ingest.inventory.InventoryIngester;
import dev.roletrail.ingest.inventory.InventoryPlan;
import dev.roletrail.ingest.inventory.InventorySnapshot;
import dev.roletrail.ingest.inventory.InventorySources;
import dev.roletrail.ingest.metrics.IngestMetrics;
import dev.roletrail.ingest.metrics.MetricsServer;
import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.ingest.source.FileSource;
import dev.roletrail.ingest.source.ObjectSource;
import dev.roletrail.ingest.source.StdinSource;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One {@code roletrail ingest} run: checks its sources and Kafka first (one clear line when something is wrong), writes
 * inventory snapshots, then reads CloudTrail (backfill, then follow when asked), with metrics and a progress line.
 * SIGTERM / Ctrl-C stops after the object being read, committing what was done.
 */
final class IngestSession {

    private static final Logger LOG = LoggerFactory.getLogger(IngestSession.class);
    private static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(30);

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream progressOut;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private S3Client s3;

    /** @param progressOut where the progress line goes, or null for none */
    IngestSession(Settings settings, PrintStream out, PrintStream progressOut) {
        this.settings = settings;
        this.out = out;
        this.progressOut = progressOut;
    }

    /** Where IAM inventory snapshots are read from ({@code ingest.inventory}): files, directories, s3:// prefixes. */
    static List<String> inventoryLocations(Settings settings) {
        return settings.list("ingest.inventory");
    }

    int run() throws Exception {
        List<String> inventory = inventoryLocations(settings);
        boolean cloudTrail = settings.string("ingest.s3.bucket", null) != null || !settings.list("ingest.files").isEmpty();
        if (!cloudTrail && inventory.isEmpty()) {
            throw new InvalidConfigException("ingest needs a source: set ingest.s3.bucket, ingest.files or ingest.inventory");
        }
        IngestConfig config = cloudTrail ? IngestConfig.from(settings) : null;
        Topics topics = new Topics(settings.string("topic.prefix", Topics.DEFAULT_PREFIX));
        Properties kafka = settings.kafkaProperties();
        kafka.putIfAbsent("bootstrap.servers", "localhost:9092");
        try {
            ObjectSource source = cloudTrail ? source(config) : null;
            prepareKafka(kafka, topics, cloudTrail, !inventory.isEmpty());
            if (!inventory.isEmpty()) {
                writeInventory(inventory, kafka, topics);
            }
            if (cloudTrail) {
                ingest(config, source);
            }
            return 0;
        } finally {
            if (s3 != null) {
                s3.close();
            }
        }
    }

    private ObjectSource source(IngestConfig config) throws Exception {
        if (config.s3Bucket() != null) {
            S3ObjectSource source = new S3ObjectSource(s3(), config.trailSelection(),
                    config.concurrency().listings(), config.concurrency().listPageSize());
            source.verifyAccess();
            return source;
        }
        if (config.files().contains(IngestConfig.STDIN)) {
            if (config.files().size() > 1) {
                throw new InvalidConfigException("ingest.files: '-' (standard input) cannot be combined with files");
            }
            return new StdinSource(System.in);
        }
        FileSource files = new FileSource(config.files());
        files.files();
        for (java.nio.file.Path skipped : files.namedButSkipped()) {
            out.println("ingest: skipped " + ConsoleText.safe(skipped.toString())
                    + ": not a .json, .json.gz, .jsonl or .jsonl.gz file");
        }
        return files;
    }

    private void prepareKafka(Properties kafka, Topics topics, boolean cloudTrail, boolean inventory) throws Exception {
        TopicSetup.ensure(kafka, topics, TopicSetup.Creation.from(settings));
        List<String> needed = new ArrayList<>();
        if (cloudTrail) {
            needed.addAll(List.of(topics.cloudtrail().name(), topics.deadletter().name(), topics.ingestProgress().name()));
        }
        if (inventory) {
            needed.add(topics.inventory().name());
        }
        KafkaPreflight.check(kafka, needed, PREFLIGHT_TIMEOUT);
    }

    private void writeInventory(List<String> locations, Properties kafka, Topics topics) throws Exception {
        List<InventorySnapshot> snapshots = InventorySources.read(locations, this::s3);
        String transactionalId = settings.string("ingest.transactional.id", "roletrail-ingest") + "-inventory";
        try (InventoryIngester ingester = new InventoryIngester(kafka, topics.inventory(), transactionalId)) {
            for (InventorySnapshot snapshot : snapshots) {
                InventoryPlan plan = ingester.write(snapshot);
                out.printf("inventory: %s account %s (%s, %s): %s%n", snapshot.origin(), snapshot.accountId(),
                        snapshot.source().name().toLowerCase(java.util.Locale.ROOT), snapshot.takenAt(),
                        plan.staleSince().map(newer -> "skipped, older than the snapshot of " + newer)
                                .orElse(plan.upserts().size() + " entities, " + plan.tombstones().size() + " deleted"));
            }
        }
    }

    private void ingest(IngestConfig config, ObjectSource source) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<IngestListener> listeners = new ArrayList<>(List.of(new IngestMetrics(registry, Clock.systemUTC())));
        MetricsServer metrics = null;
        ProgressReporter progress = null;
        Thread hook = null;
        CountDownLatch finished = new CountDownLatch(1);
        try {
            if (config.metrics().enabled()) {
                metrics = MetricsServer.start(config.metrics().host(), config.metrics().port(), registry);
                LOG.info("event=metrics_serving url=http://{}:{}/metrics", config.metrics().host(), metrics.port());
            }
            if (progressOut != null && !(source instanceof StdinSource)) {
                progress = new ProgressReporter(progressOut).start(source, config.scope().relistWindow());
                listeners.add(progress);
            }
            try (Ingester ingester = new Ingester(config, IngestListener.all(listeners), Clock.systemUTC())) {
                hook = new Thread(() -> {
                    ingester.stop();
                    stopRequested.countDown();
                    awaitQuietly(finished);
                }, "roletrail-ingest-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                IngestStats total = IngestStats.NONE;
                do {
                    IngestStats stats = ingester.ingest(source);
                    total = total.plus(stats);
                    if (progress != null) {
                        progress.close();
                        progress = null;
                    }
                    out.println(IngestSummary.line(stats));
                } while (config.following().follow()
                        && !stopRequested.await(config.following().pollInterval().toMillis(), TimeUnit.MILLISECONDS));
                if (!config.following().follow() && total.nothingUsable()) {
                    throw new IllegalStateException(IngestSummary.nothingUsable(total));
                }
            }
        } finally {
            if (progress != null) {
                progress.close();
            }
            if (metrics != null) {
                metrics.close();
            }
            finished.countDown();
            removeQuietly(hook);
        }
    }

    private synchronized S3Client s3() {
        if (s3 == null) {
            s3 = S3Clients.create(IngestConfig.s3Settings(settings));
        }
        return s3;
    }

    private static void removeQuietly(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and waits for us.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
