package dev.roletrail.local.analyze;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.roletrail.launcher.CleanStop;
import dev.roletrail.launcher.SettingsSources;
import dev.roletrail.local.LocalLogging;
import dev.roletrail.local.VerboseOption;
import dev.roletrail.schemas.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code roletrail analyze}: the whole pipeline on a user's own CloudTrail, on one machine, then a summary. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse your own CloudTrail on one machine: starts a Kafka broker in-process in the state "
                + "directory, ingests the sources exactly once, runs the streams app until the input is consumed, "
                + "prints alerts as they are committed, writes the weekly report of every week the data covers and "
                + "prints a summary. A second run on the same state directory goes on where the first stopped.",
                "SOURCE: a file or directory of CloudTrail logs (gzipped or plain envelopes, JSON arrays, one record "
                + "per line), - for standard input, or s3://BUCKET[/PREFIX] (the default AWS credential chain; "
                + "--endpoint for S3-compatible stores).",
                "Exit codes: 0 done or stopped, 1 records were read but none was usable (or a source failed), "
                + "2 a wrong flag or setting."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Files, directories, - or s3://BUCKET[/PREFIX].")
    List<String> sources;

    @Option(names = "--inventory", split = ",", paramLabel = "PATH|s3://BUCKET/PREFIX",
            description = "IAM authorization-details JSON or credential-report CSV files, directories or S3 prefixes.")
    List<String> inventory = List.of();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "roletrail-report",
            description = "Where the weekly reports go (default ./${DEFAULT-VALUE}/).")
    Path out;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = LocalLogging.DEFAULT_STATE_DIR,
            description = "Broker data, streams state and the log, kept for the next run (default ./${DEFAULT-VALUE}/).")
    Path stateDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (detectors, org.accounts, ...; see the README).")
    Path config;

    @Option(names = "--json", description = "Print alerts as one JSON object per line (for jq).")
    boolean json;

    @Option(names = "--follow", description = "Keep reading the sources for new logs until Ctrl-C; serves the "
            + "query API on a loopback port.")
    boolean follow;

    @Option(names = "--poll-interval", description = "Pause between passes with --follow (default 30s).")
    String pollInterval;

    @Option(names = "--accounts", split = ",", paramLabel = "ID", description = "Only these accounts (S3 sources).")
    List<String> accounts;

    @Option(names = "--regions", split = ",", paramLabel = "REGION", description = "Only these regions (S3 sources).")
    List<String> regions;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only logs delivered on or after this day, UTC "
            + "(S3 sources).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only logs delivered on or before this day, UTC "
            + "(S3 sources).")
    String to;

    @Option(names = "--endpoint", description = "S3-compatible endpoint URL (setting s3.endpoint).")
    String endpoint;

    @Option(names = "--region", description = "AWS region of the bucket (setting s3.region).")
    String region;

    @Option(names = "--path-style", description = "Path-style S3 addressing (setting s3.path-style).")
    Boolean pathStyle;

    @Override
    public Integer call() throws Exception {
        AnalysisSources parsed = AnalysisSources.parse(sources);
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("ingest.s3.accounts", joined(accounts));
        flags.put("ingest.s3.regions", joined(regions));
        flags.put("ingest.from", from);
        flags.put("ingest.to", to);
        flags.put("s3.endpoint", endpoint);
        flags.put("s3.region", region);
        flags.put("s3.path-style", pathStyle == null ? null : pathStyle.toString());
        flags.put("ingest.poll-interval", pollInterval);
        Map<String, String> settings = SettingsSources.values(config, System.getenv(), flags);
        Duration poll = Settings.of(settings).duration("ingest.poll-interval", Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofDays(1));
        AnalysisRequest request = new AnalysisRequest(parsed, inventory, stateDir, out, settings, json, follow, poll);
        Analysis analysis = new Analysis(request, System.out, System.in);
        try (CleanStop cleanStop = CleanStop.onSignal(analysis::stop)) {
            int code = 1;
            try {
                code = analysis.run();
            } finally {
                cleanStop.finished(code);
            }
            return code;
        }
    }

    private static String joined(List<String> values) {
        return values == null ? null : String.join(",", values);
    }
}
