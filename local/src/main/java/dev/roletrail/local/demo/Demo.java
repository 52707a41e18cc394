package dev.roletrail.local.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.roletrail.ingest.IngestStats;
import dev.roletrail.launcher.alerts.AlertPrinter;
import dev.roletrail.launcher.alerts.AlertTail;
import dev.roletrail.local.InProcessPipeline;
import dev.roletrail.local.LocalLogging;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.simulator.SimulationResult;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.output.S3Sink;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.query.ClusterQueries;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.ReportFiles;
import dev.roletrail.streams.report.ReportFormat;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Everything in one process, no Docker, no AWS account: the {@link InProcessPipeline} seeded with a small simulated
 * organisation (a few weeks of benign traffic, then labelled attacks, plus two pieces of bad input); ingest reads
 * the bucket through the S3 API, the streams app raises alerts, and the alerts are printed as they are committed.
 */
public final class Demo implements AutoCloseable {

    private final PrintStream out;
    private InProcessPipeline pipeline;
    private AlertTail alerts;
    private IngestStats ingested;
    private SimulationResult simulated;
    private Instant dataEnd;

    public Demo(PrintStream out) {
        this.out = out;
    }

    public void start(long seed) throws Exception {
        long t0 = System.nanoTime();
        SimulationSpec spec = SimulationSpec.small(seed);
        dataEnd = spec.end();
        Organization org = Simulator.organization(spec);
        pipeline = InProcessPipeline.start(Simulator.settings(org));
        out.printf("Kafka broker (KRaft) at %s, S3 API at %s, started in %d ms%n", pipeline.bootstrapServers(),
                pipeline.s3Endpoint(), (System.nanoTime() - t0) / 1_000_000);
        LocalLogging.startLine().ifPresent(out::println);

        try (S3Sink sink = new S3Sink(pipeline.s3(), InProcessPipeline.BUCKET, "")) {
            simulated = Simulator.run(spec, sink);
        }
        seedBadInput(org, spec);
        out.printf("Seeded s3://%s with %d CloudTrail log objects (%,d events, %d days) of a simulated organisation "
                + "of %d accounts, %d labelled scenarios, and its IAM inventory%n", InProcessPipeline.BUCKET,
                simulated.objects(), simulated.events(), spec.days(), org.accounts().size(),
                simulated.labels().labels().size());
        int snapshots = pipeline.ingestInventory();
        pipeline.startStreams();
        pipeline.streams().flatMap(StreamsApp::queryUri).ifPresent(uri ->
                out.printf("Query API at %s (try %sfindings or %salerts)%n", uri, uri, uri));
        alerts = new AlertTail(pipeline.ingestConfig().kafka(), pipeline.ingestConfig().topics().alerts(),
                AlertPrinter.text(out), true).start();
        ingested = pipeline.ingestTrail();
        out.printf("Ingested %d inventory snapshots and %d objects: %d records, %d dead letters (see %s)%n", snapshots,
                ingested.objectsRead(), ingested.records(), ingested.deadLetters(),
                pipeline.ingestConfig().topics().deadletter().name());
    }

    private void seedBadInput(Organization org, SimulationSpec spec) throws IOException {
        Map<String, byte[]> bad = BadInput.objects(org.id(), org.management().id(), org.management().homeRegion(),
                spec.end());
        bad.forEach((key, bytes) -> pipeline.s3().putObject(b -> b.bucket(InProcessPipeline.BUCKET).key(key),
                RequestBody.fromBytes(bytes)));
    }

    public long alertsPrinted() {
        return alerts == null ? 0 : alerts.printed();
    }

    /** The alerts printed so far. */
    public List<Alert> alerts() {
        return alerts == null ? List.of() : alerts.alerts();
    }

    public IngestStats ingested() {
        return ingested;
    }

    /** What the simulation wrote, with its labels. */
    public SimulationResult simulated() {
        return simulated;
    }

    /** Waits until at least {@code count} alerts were printed or the timeout passes; true when they were. */
    public boolean awaitAlerts(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alertsPrinted() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return alertsPrinted() >= count;
    }

    /** Writes the weekly report of the week the simulated data ends in, as the streams app builds it now. */
    public List<Path> writeReport(Path dir) throws IOException {
        Optional<ClusterQueries> queries = pipeline == null ? Optional.empty()
                : pipeline.streams().flatMap(StreamsApp::queries);
        if (queries.isEmpty() || dataEnd == null) {
            return List.of();
        }
        return ReportFiles.write(dir, queries.get().reports(IsoWeek.of(dataEnd)), EnumSet.allOf(ReportFormat.class));
    }

    @Override
    public void close() {
        try {
            if (alerts != null) {
                alerts.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (pipeline != null) {
                pipeline.close();
            }
        }
    }
}
