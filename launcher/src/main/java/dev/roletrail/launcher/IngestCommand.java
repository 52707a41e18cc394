package dev.roletrail.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.IngestStats;
import dev.roletrail.ingest.Ingester;
import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.ingest.source.FileSource;
import dev.roletrail.ingest.source.ObjectSource;
import dev.roletrail.schemas.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code roletrail ingest}: CloudTrail log objects from S3 or files into Kafka, exactly once. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read CloudTrail logs from an S3 bucket or local files and produce them to Kafka.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--bucket", description = "Trail bucket (setting ingest.s3.bucket).")
    String bucket;

    @Option(names = "--prefix", description = "Trail key prefix before AWSLogs/ (setting ingest.s3.prefix).")
    String prefix;

    @Option(names = "--start-after", description = "Skip keys up to this one (setting ingest.s3.start-after).")
    String startAfter;

    @Option(names = "--endpoint", description = "S3-compatible endpoint URL (setting s3.endpoint).")
    String endpoint;

    @Option(names = "--region", description = "AWS region (setting s3.region; default: the AWS region chain).")
    String region;

    @Option(names = "--path-style", description = "Path-style S3 addressing (setting s3.path-style).")
    Boolean pathStyle;

    @Option(names = "--files", split = ",", paramLabel = "PATH",
            description = "Files or directories to read instead of S3 (setting ingest.files).")
    List<Path> files;

    @Option(names = "--follow", description = "Keep polling for new objects (setting ingest.follow).")
    Boolean follow;

    @Option(names = "--poll-interval", description = "Pause between polls when following (setting ingest.poll-interval; default 30s).")
    String pollInterval;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new HashMap<>();
        flags.put("ingest.s3.bucket", bucket);
        flags.put("ingest.s3.prefix", prefix);
        flags.put("ingest.s3.start-after", startAfter);
        flags.put("s3.endpoint", endpoint);
        flags.put("s3.region", region);
        flags.put("s3.path-style", pathStyle == null ? null : pathStyle.toString());
        flags.put("ingest.files", files == null ? null
                : files.stream().map(Path::toString).collect(Collectors.joining(",")));
        flags.put("ingest.follow", follow == null ? null : follow.toString());
        flags.put("ingest.poll-interval", pollInterval);
        Settings settings = common.settings(flags);
        IngestConfig config = IngestConfig.from(settings);
        boolean following = settings.bool("ingest.follow", false);
        Duration interval = settings.duration("ingest.poll-interval", Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofHours(24));
        if (settings.bool("topics.create", false)) {
            TopicSetup.ensure(config.kafka(), config.topics(), settings.integer("topics.partitions", 6, 1, 10_000),
                    (short) settings.integer("topics.replication", 1, 1, 10));
        }

        S3Client s3 = config.s3Bucket() == null ? null : S3Clients.create(config.s3());
        try (Ingester ingester = new Ingester(config)) {
            ObjectSource source = s3 == null
                    ? new FileSource(config.files())
                    : new S3ObjectSource(s3, config.s3Bucket(), config.s3Prefix(), config.s3StartAfter());
            do {
                IngestStats stats = ingester.ingest(source);
                System.out.printf("ingest: %d objects read (%d already done), %d records, %d dead letters%n",
                        stats.objectsRead(), stats.objectsSkipped(), stats.records(), stats.deadLetters());
                if (following) {
                    Thread.sleep(interval.toMillis());
                }
            } while (following);
        } finally {
            if (s3 != null) {
                s3.close();
            }
        }
        return 0;
    }
}
