package dev.roletrail.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.roletrail.local.evaluate.Evaluation;
import dev.roletrail.local.evaluate.TrailFeed;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.simulator.evaluate.Scorecard;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.streams.detect.DetectorInfo;

/** {@code roletrail evaluate}: detection quality of the whole pipeline on a simulated organisation. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Simulate an organisation into an in-process S3 server (a directory with --feed files, the "
                + "default with --scale), run ingest and the streams app on an "
                + "in-process Kafka broker until the input is consumed, and print, per detector and finding kind, the "
                + "labelled scenarios found and missed, the false alarms per million benign events and, per detector, "
                + "how late in event time it alerted (median and longest, from a scenario's first event) and how much "
                + "of the attack had happened by then; then the findings "
                + "against the simulation's ground truth: per kind true and false positives, false negatives, precision "
                + "and recall, and how many least-privilege policies allow exactly the actions used.",
                "Exit codes: 0 done, 1 the pipeline failed, 2 a wrong flag or setting."})
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Mixin
    SimulationOptions simulation;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the table as JSON to this file.")
    Path json;

    @Option(names = "--feed", paramLabel = "s3|files", description = "How the simulated trail reaches ingest: "
            + "through the in-process S3 server (s3, the default) or a local directory (files, the default with "
            + "--scale: at that size the S3 server's cost per object would match the streams app's time).")
    String feed;

    @Option(names = "--timeout", description = "Give up when the streams app has not consumed its input after this "
            + "long (default 15m).")
    String timeout;

    @Override
    public Integer call() throws Exception {
        Duration limit = Settings.of(timeout == null ? Map.of() : Map.of("--timeout", timeout))
                .duration("--timeout", Duration.ofMinutes(15), Duration.ofSeconds(10), Duration.ofDays(1));
        TrailFeed trailFeed = feed != null ? TrailFeed.of(feed) : simulation.scale ? TrailFeed.FILES : TrailFeed.S3;
        Scorecard scorecard = new Evaluation(System.out, limit, trailFeed).run(simulation.spec(),
                DetectorCatalog.ALL.stream().map(DetectorInfo::id).toList(), Map.of());
        System.out.print(scorecard.render());
        if (json != null) {
            Files.write(json, scorecard.toJson());
            System.out.println("wrote " + json);
        }
        return 0;
    }
}
