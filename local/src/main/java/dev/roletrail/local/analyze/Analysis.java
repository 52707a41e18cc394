package dev.roletrail.local.analyze;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.IngestListener;
import dev.roletrail.ingest.IngestStats;
import dev.roletrail.ingest.Ingester;
import dev.roletrail.ingest.inventory.InventoryIngester;
import dev.roletrail.ingest.inventory.InventorySnapshot;
import dev.roletrail.ingest.inventory.InventorySources;
import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.ingest.source.FileSource;
import dev.roletrail.ingest.source.ObjectSource;
import dev.roletrail.ingest.source.StdinSource;
import dev.roletrail.launcher.alerts.AlertPrinter;
import dev.roletrail.launcher.alerts.AlertTail;
import dev.roletrail.local.InProcessPipeline;
import dev.roletrail.local.InputConsumed;
import dev.roletrail.local.LocalLogging;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.query.ClusterQueries;
import dev.roletrail.streams.query.RecordAccounting;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.ReportFiles;
import dev.roletrail.streams.report.ReportFormat;
import dev.roletrail.streams.report.WeeklyReport;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One {@code roletrail analyze} run: the in-process broker on the state directory, the streams app, the user's
 * inventory and trail ingested exactly once (a source an earlier run finished is skipped), alerts printed as they are
 * committed; then, unless following, the input is declared ended so nothing waits for later traffic, the weekly
 * reports of every week the data covers are written, and a summary counted from the topics is printed.
 */
public final class Analysis {

    /** How long the streams app may take to catch up with the input, after ingest finished. */
    private static final Duration CATCH_UP = Duration.ofHours(6);
    private static final Duration READ_TOPICS = Duration.ofMinutes(10);

    private final AnalysisRequest request;
    private final PrintStream out;
    private final InputStream stdin;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile Ingester ingesting;
    /** The thread waiting for the streams app after ingest, interrupted by {@link #stop()}; null at other times. */
    private volatile Thread waiting;
    private S3Client s3;

    public Analysis(AnalysisRequest request, PrintStream out, InputStream stdin) {
        this.request = request;
        this.out = out;
        this.stdin = stdin;
    }

    /** Asks a running analysis to stop after the object being read; {@link #run()} then returns. */
    public void stop() {
        stopRequested.countDown();
        Ingester current = ingesting;
        if (current != null) {
            current.stop();
        }
        Thread waiter = waiting;
        if (waiter != null) {
            waiter.interrupt();
        }
    }

    /** @return the exit code: 0 done (or stopped), 1 records were read but none was usable */
    public int run() throws Exception {
        long t0 = System.nanoTime();
        try (InProcessPipeline pipeline = InProcessPipeline.inStateDirectory(request.stateDir(), request.settings())) {
            out.printf("Kafka broker (KRaft) in-process, state in %s, started in %d ms%n", pipeline.workDir(),
                    millis(t0));
            LocalLogging.startLine().ifPresent(out::println);
            pipeline.startStreams();
            StreamsApp app = pipeline.streams().orElseThrow();
            if (request.follow()) {
                app.queryUri().ifPresent(uri -> out.printf("Query API at %s (try %salerts or %sfindings)%n", uri,
                        uri, uri));
            }
            Topics topics = pipeline.streamsConfig().topics();
            AlertPrinter printer = request.json() ? AlertPrinter.jsonLines(out) : AlertPrinter.text(out);
            try (AlertTail alerts = new AlertTail(pipeline.ingestConfig().kafka(), topics.alerts(), printer, false)
                    .start()) {
                if (!request.inventory().isEmpty()) {
                    writeInventory(pipeline);
                }
                IngestStats ingested = ingestAll(pipeline);
                if (stopRequested.getCount() == 0 || !awaitEndOfInput(pipeline, app)) {
                    out.println("Stopped before the end of the input; run the same command again to go on.");
                    return 0;
                }
                alerts.drain(READ_TOPICS);
                TrailSummary summary = TrailSummary.read(pipeline.ingestConfig().kafka(), topics, READ_TOPICS);
                List<Path> reports = writeReports(app, summary.weeks());
                printSummary(ingested, summary, app.queries().orElseThrow().accounting(false), reports, t0);
                if (ingested.records() == 0 && ingested.deadLetters() > 0) {
                    out.println("No usable CloudTrail record in the input: see roletrail deadletters.");
                    return 1;
                }
                return 0;
            }
        } finally {
            if (s3 != null) {
                s3.close();
            }
        }
    }

    private void writeInventory(InProcessPipeline pipeline) throws Exception {
        List<InventorySnapshot> snapshots = InventorySources.read(request.inventory(), this::s3);
        String transactionalId = pipeline.ingestConfig().transactionalId() + "-inventory";
        try (InventoryIngester ingester = new InventoryIngester(pipeline.ingestConfig().kafka(),
                pipeline.ingestConfig().topics().inventory(), transactionalId)) {
            for (InventorySnapshot snapshot : snapshots) {
                ingester.write(snapshot);
            }
        }
        out.printf("Inventory: %d snapshots%n", snapshots.size());
    }

    /** Every source once, or, when following, again each poll interval until stopped. */
    private IngestStats ingestAll(InProcessPipeline pipeline) throws Exception {
        IngestStats total = IngestStats.NONE;
        boolean firstPass = true;
        do {
            for (Source source : sources(pipeline, firstPass)) {
                IngestStats stats = ingest(source);
                total = total.plus(stats);
                if (firstPass || stats.objectsRead() > 0) {
                    out.printf("Ingested %s: %,d objects read (%,d done by an earlier run), %,d records, "
                            + "%,d dead letters%n", source.name(), stats.objectsRead(), stats.objectsSkipped(),
                            stats.records(), stats.deadLetters());
                }
                if (stopRequested.getCount() == 0) {
                    return total;
                }
            }
            firstPass = false;
        } while (request.follow() && !stopRequested.await(request.pollInterval().toMillis(), TimeUnit.MILLISECONDS));
        return total;
    }

    private IngestStats ingest(Source source) throws Exception {
        try (Ingester ingester = new Ingester(source.config(), IngestListener.NONE, Clock.systemUTC())) {
            ingesting = ingester;
            if (stopRequested.getCount() == 0) {
                return IngestStats.NONE;
            }
            return ingester.ingest(source.objects());
        } finally {
            ingesting = null;
        }
    }

    /** A source with the ingest settings that describe it. */
    private record Source(String name, IngestConfig config, ObjectSource objects) {
    }

    /** Standard input is read on the first pass only: it has no more to give later. */
    private List<Source> sources(InProcessPipeline pipeline, boolean firstPass) throws Exception {
        AnalysisSources given = request.sources();
        List<Source> sources = new ArrayList<>();
        if (!given.files().isEmpty()) {
            IngestConfig config = config(pipeline, Map.of("ingest.files",
                    given.files().stream().map(Path::toString).collect(Collectors.joining(","))));
            sources.add(new Source(given.files().size() == 1 ? given.files().get(0).toString()
                    : given.files().size() + " paths", config, new FileSource(config.files())));
        }
        if (given.stdin() && firstPass) {
            sources.add(new Source("standard input", config(pipeline, Map.of("ingest.files", "-")), new StdinSource(stdin)));
        }
        for (AnalysisSources.S3Location bucket : given.buckets()) {
            IngestConfig config = config(pipeline, Map.of("ingest.s3.bucket", bucket.bucket(), "ingest.s3.prefix",
                    bucket.prefix()));
            S3ObjectSource objects = new S3ObjectSource(s3(), config.trailSelection(),
                    config.concurrency().listings(), config.concurrency().listPageSize());
            if (firstPass) {
                objects.verifyAccess();
            }
            sources.add(new Source(bucket.toString(), config, objects));
        }
        return sources;
    }

    private IngestConfig config(InProcessPipeline pipeline, Map<String, String> source) {
        Map<String, String> settings = new LinkedHashMap<>(pipeline.settings());
        settings.remove("ingest.files");
        settings.remove("ingest.s3.bucket");
        settings.putAll(source);
        return IngestConfig.from(Settings.of(settings));
    }

    /**
     * The streams app has consumed everything, then is told the input ended, so held calls go on without waiting for
     * later traffic, and has consumed what that released too, and its findings step has settled: its last passes run
     * on punctuations after the records that started them were consumed, so no lag alone does not mean they are done.
     */
    private boolean awaitEndOfInput(InProcessPipeline pipeline, StreamsApp app) throws Exception {
        Properties kafka = pipeline.streamsConfig().kafka();
        String group = pipeline.streamsConfig().applicationId();
        String input = pipeline.streamsConfig().topics().cloudtrail().name();
        waiting = Thread.currentThread();
        try {
            if (stopRequested.getCount() == 0) {
                return false;
            }
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            // Lag can be zero before the app has even started (a rerun whose offsets were committed before).
            while (app.state() != KafkaStreams.State.RUNNING) {
                awaitBefore(deadline, "the streams app did not start");
            }
            InputConsumed.await(kafka, group, input, CATCH_UP);
            app.endOfInput();
            while (heldEvents(app) != 0) {
                awaitBefore(deadline, "held events were not released");
            }
            InputConsumed.awaitSettled(kafka, group, input, app, CATCH_UP);
            return true;
        } catch (InterruptedException e) {
            return false; // stop() asked; the interrupt is consumed so closing goes on normally
        } finally {
            waiting = null;
            Thread.interrupted();
        }
    }

    /** Events still held, or -1 while the stores cannot be asked (a rebalance). */
    private static long heldEvents(StreamsApp app) {
        try {
            return app.heldEvents();
        } catch (InvalidStateStoreException e) {
            return -1;
        }
    }

    private static void awaitBefore(long deadline, String failure) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(failure + " within " + CATCH_UP);
        }
        Thread.sleep(200);
    }

    private List<Path> writeReports(StreamsApp app, List<IsoWeek> weeks) throws Exception {
        ClusterQueries queries = app.queries().orElseThrow();
        List<Path> files = new ArrayList<>();
        for (IsoWeek week : weeks) {
            List<WeeklyReport> reports = queries.reports(week);
            files.addAll(ReportFiles.write(request.out(), reports, EnumSet.allOf(ReportFormat.class)));
        }
        return files;
    }

    /** Where every record on the CloudTrail topic went, and how many did not arrive anywhere, if any. */
    static String accountedFor(long topicRecords, RecordAccounting accounting) {
        StringBuilder line = new StringBuilder(String.format("Accounted for: %,d records = %,d principal events",
                accounting.records(), accounting.principalEvents()));
        new TreeMap<>(accounting.excluded()).forEach((reason, count) ->
                line.append(String.format(" + %,d %s", count, reason)));
        long missing = topicRecords - accounting.records();
        if (missing != 0) {
            line.append(String.format(" (%,d of the topic's %,d records not accounted for)", missing, topicRecords));
        }
        return line.toString();
    }

    private void printSummary(IngestStats ingested, TrailSummary summary, RecordAccounting accounting,
            List<Path> reports, long t0) {
        out.println();
        out.printf("This run: %,d records ingested, %,d dead letters, %d s%n", ingested.records(),
                ingested.deadLetters(), (millis(t0) + 500) / 1000);
        summary.lines().forEach(out::println);
        out.println(accountedFor(summary.records(), accounting));
        List<IsoWeek> weeks = summary.weeks();
        out.printf("Reports: %d weeks%s in %s (%d files; open %s)%n", weeks.size(),
                weeks.isEmpty() ? "" : " (" + weeks.get(0) + " to " + weeks.get(weeks.size() - 1) + ")",
                request.out().toAbsolutePath(), reports.size(), reports.stream()
                        .filter(p -> p.getFileName().toString().equals(WeeklyReport.ORG + ".html"))
                        .reduce((a, b) -> b).map(Path::toString).orElse("-"));
        out.flush();
    }

    private synchronized S3Client s3() {
        if (s3 == null) {
            s3 = S3Clients.create(IngestConfig.s3Settings(Settings.of(request.settings())));
        }
        return s3;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
