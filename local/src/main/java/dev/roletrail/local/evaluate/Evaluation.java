package dev.roletrail.local.evaluate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.roletrail.ingest.IngestStats;
import dev.roletrail.local.InProcessPipeline;
import dev.roletrail.local.InputConsumed;
import dev.roletrail.local.LocalLogging;
import dev.roletrail.local.TopicDrain;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.simulator.SimulationResult;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.evaluate.Scorecard;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.output.DatasetSink;
import dev.roletrail.simulator.output.DirectorySink;
import dev.roletrail.simulator.output.S3Sink;

/**
 * Detection quality measured end to end: simulate an organisation into the local S3 server (or a directory, see
 * {@link TrailFeed}), ingest its inventory and trail into a real broker, run the streams app until it has consumed
 * everything, then score the alerts and findings it wrote against the simulation's labels, and the findings and the
 * identity inventory (kinds, owners) against its ground truth. An empty identities topic scores as "no identities
 * produced".
 */
public final class Evaluation {

    /**
     * The findings topic unchanged this long after the end of input: the last evaluation has run (its watermark goes
     * within a second, each chunk within a punctuation) and committed.
     */

    private final PrintStream out;
    private final Duration timeout;
    private final TrailFeed feed;

    /** An evaluation through the in-process S3 server. */
    public Evaluation(PrintStream out, Duration timeout) {
        this(out, timeout, TrailFeed.S3);
    }

    public Evaluation(PrintStream out, Duration timeout, TrailFeed feed) {
        this.out = out;
        this.timeout = timeout;
        this.feed = feed;
    }

    /**
     * @param detectors every detector id, so each gets a row
     * @param settings  more RoleTrail settings (detector parameters) on top of the organisation's
     */
    public Scorecard run(SimulationSpec spec, List<String> detectors, Map<String, String> settings) throws Exception {
        long t0 = System.nanoTime();
        Organization org = Simulator.organization(spec);
        Map<String, String> all = new LinkedHashMap<>(Simulator.settings(org));
        all.putAll(settings);
        try (InProcessPipeline pipeline = InProcessPipeline.start(all)) {
            LocalLogging.startLine().ifPresent(out::println);
            Path dataset = pipeline.workDir().resolve("dataset");
            SimulationResult simulated;
            try (DatasetSink sink = feed == TrailFeed.S3 ? new S3Sink(pipeline.s3(), InProcessPipeline.BUCKET, "")
                    : new DirectorySink(dataset)) {
                simulated = Simulator.run(spec, sink);
            }
            out.printf("simulated %,d events in %,d objects (%d accounts, %d users, %d days) into %s: %d s%n",
                    simulated.events(), simulated.objects(), spec.accounts(), spec.users(), spec.days(),
                    feed == TrailFeed.S3 ? "the S3 server" : "a directory", seconds(t0));
            int snapshots = feed == TrailFeed.S3 ? pipeline.ingestInventory()
                    : pipeline.ingestInventory(dataset.resolve(Simulator.INVENTORY_PREFIX));
            pipeline.startStreams();
            IngestStats ingested = feed == TrailFeed.S3 ? pipeline.ingestTrail()
                    : pipeline.ingestTrail(dataset.resolve(Simulator.TRAIL_PREFIX));
            out.printf("ingested %d inventory snapshots, %,d records, %d dead letters: %d s%n", snapshots,
                    ingested.records(), ingested.deadLetters(), seconds(t0));
            Topics topics = pipeline.streamsConfig().topics();
            InputConsumed.await(pipeline.streamsConfig().kafka(), pipeline.streamsConfig().applicationId(),
                    topics.cloudtrail().name(), timeout);
            // Calls of sessions not seen yet are held for a wall-clock minimum before they go on without lineage:
            // let the last of them go, then wait for what they set off.
            Thread.sleep(pipeline.streamsConfig().lineageHoldWall().plusSeconds(2).toMillis());
            InputConsumed.await(pipeline.streamsConfig().kafka(), pipeline.streamsConfig().applicationId(),
                    topics.cloudtrail().name(), timeout);
            // The findings evaluate the last, unfinished day only once told the input ended, as analyze does: the
            // ground truth is as of the day boundary after the newest event. That evaluation emits only what changed.
            pipeline.streams().orElseThrow().endOfInput();
            InputConsumed.awaitSettled(pipeline.streamsConfig().kafka(), pipeline.streamsConfig().applicationId(),
                    topics.cloudtrail().name(), pipeline.streams().orElseThrow(), timeout);
            out.printf("streams app consumed its input: %d s%n", seconds(t0));
            // A suppressed alert is sent again, same id, with its repeat count: keep one per id.
            List<Alert> alerts = latest(TopicDrain.read(pipeline.ingestConfig().kafka(), topics.alerts(), timeout));
            List<Finding> findings = latest(TopicDrain.read(pipeline.ingestConfig().kafka(), topics.findings(),
                    timeout));
            List<Identity> identities = latest(TopicDrain.read(pipeline.ingestConfig().kafka(), topics.identities(),
                    timeout));
            return Scorecard.score(simulated.labels(), simulated.truth(), detectors, alerts, findings, identities);
        }
    }

    /** The compacted view of a topic: the latest value per key, tombstones removing it. */
    private static <V> List<V> latest(List<ConsumerRecord<String, V>> records) {
        Map<String, V> byId = new LinkedHashMap<>();
        for (ConsumerRecord<String, V> record : records) {
            if (record.value() == null) {
                byId.remove(record.key());
            } else {
                byId.put(record.key(), record.value());
            }
        }
        return List.copyOf(byId.values());
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }
}
