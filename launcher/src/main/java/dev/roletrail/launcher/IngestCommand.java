package dev.roletrail.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.roletrail.schemas.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code roletrail ingest}: CloudTrail log objects from S3, files or standard input, and IAM inventory, into Kafka. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read CloudTrail logs from an S3 bucket, local files or standard input and produce them to "
                + "Kafka exactly once; optionally IAM inventory snapshots too.",
                "Exit codes: 0 done, 1 a source or Kafka failed, 2 a wrong flag or setting."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--bucket", description = "Trail bucket (setting ingest.s3.bucket).")
    String bucket;

    @Option(names = "--prefix", description = "Trail key prefix before AWSLogs/ (setting ingest.s3.prefix).")
    String prefix;

    @Option(names = "--accounts", split = ",", paramLabel = "ID",
            description = "Only these accounts (setting ingest.s3.accounts).")
    List<String> accounts;

    @Option(names = "--regions", split = ",", paramLabel = "REGION",
            description = "Only these regions (setting ingest.s3.regions).")
    List<String> regions;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
            description = "Only objects delivered on or after this day, UTC (setting ingest.from).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD",
            description = "Only objects delivered on or before this day, UTC (setting ingest.to).")
    String to;

    @Option(names = "--start-after", description = "Skip keys up to this one (setting ingest.s3.start-after).")
    String startAfter;

    @Option(names = "--endpoint", description = "S3-compatible endpoint URL (setting s3.endpoint).")
    String endpoint;

    @Option(names = "--region", description = "AWS region (setting s3.region; default: the AWS region chain).")
    String region;

    @Option(names = "--path-style", description = "Path-style S3 addressing (setting s3.path-style).")
    Boolean pathStyle;

    @Option(names = "--files", split = ",", paramLabel = "PATH",
            description = "Files or directories to read instead of S3; - reads standard input (setting ingest.files).")
    List<Path> files;

    @Option(names = "--inventory", split = ",", paramLabel = "PATH|s3://BUCKET/PREFIX",
            description = "IAM authorization-details JSON or credential-report CSV files, directories or S3 prefixes "
                    + "(setting ingest.inventory).")
    List<String> inventory;

    @Option(names = "--follow", description = "Keep polling for new objects (setting ingest.follow).")
    Boolean follow;

    @Option(names = "--poll-interval", description = "Pause between polls when following (setting ingest.poll-interval; default 30s).")
    String pollInterval;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics (setting ingest.metrics.port; default off).")
    Integer metricsPort;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress line on stderr (default: when stderr is a terminal).")
    Boolean progress;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new HashMap<>();
        flags.put("ingest.s3.bucket", bucket);
        flags.put("ingest.s3.prefix", prefix);
        flags.put("ingest.s3.accounts", joined(accounts));
        flags.put("ingest.s3.regions", joined(regions));
        flags.put("ingest.from", from);
        flags.put("ingest.to", to);
        flags.put("ingest.s3.start-after", startAfter);
        flags.put("s3.endpoint", endpoint);
        flags.put("s3.region", region);
        flags.put("s3.path-style", pathStyle == null ? null : pathStyle.toString());
        flags.put("ingest.files", files == null ? null : joined(files.stream().map(Path::toString).toList()));
        flags.put("ingest.inventory", joined(inventory));
        flags.put("ingest.follow", follow == null ? null : follow.toString());
        flags.put("ingest.poll-interval", pollInterval);
        flags.put("ingest.metrics.port", metricsPort == null ? null : metricsPort.toString());
        Settings settings = common.settings(flags);
        PrintStream out = System.out;
        boolean showProgress = progress != null ? progress : System.console() != null;
        return new IngestSession(settings, out, showProgress ? System.err : null).run();
    }

    private static String joined(List<String> values) {
        return values == null ? null : values.stream().collect(Collectors.joining(","));
    }
}
