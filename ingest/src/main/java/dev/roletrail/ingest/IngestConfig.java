package dev.roletrail.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import dev.roletrail.ingest.read.ReadLimits;
import dev.roletrail.ingest.s3.S3Clients.S3Settings;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;

/**
 * Everything ingest needs, validated once. Built from flat settings (file, environment, flags); {@code kafka.*}
 * settings go to the producer and consumer unchanged.
 *
 * @param s3Bucket   the trail bucket, or null when reading files
 * @param s3Prefix   the trail's key prefix (before {@code AWSLogs/}), empty when none
 * @param files      local files or directories to read instead of S3
 */
public record IngestConfig(
        Topics topics,
        Properties kafka,
        String transactionalId,
        String s3Bucket,
        String s3Prefix,
        String s3StartAfter,
        S3Settings s3,
        List<Path> files,
        ReadLimits limits,
        int transactionRecords,
        Duration maxFutureSkew) {

    public IngestConfig {
        kafka = copy(kafka);
        files = List.copyOf(files);
        if (s3Bucket == null && files.isEmpty()) {
            throw new InvalidConfigException("ingest needs a source: set ingest.s3.bucket or ingest.files");
        }
        if (s3Bucket != null && !files.isEmpty()) {
            throw new InvalidConfigException("set either ingest.s3.bucket or ingest.files, not both");
        }
    }

    public static IngestConfig from(Settings settings) {
        Properties kafka = settings.kafkaProperties();
        kafka.putIfAbsent("bootstrap.servers", "localhost:9092");
        int maxRecordBytes = settings.integer("ingest.max-record-bytes", 1 << 20, 1024, 256 << 20);
        long maxInflated = settings.longValue("ingest.max-inflated-bytes", 1L << 30, maxRecordBytes, 1L << 40);
        return new IngestConfig(
                new Topics(settings.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                kafka,
                settings.string("ingest.transactional.id", "roletrail-ingest"),
                settings.string("ingest.s3.bucket", null),
                settings.string("ingest.s3.prefix", ""),
                settings.string("ingest.s3.start-after", null),
                new S3Settings(uri(settings, "s3.endpoint"), settings.string("s3.region", null),
                        settings.bool("s3.path-style", false)),
                settings.list("ingest.files").stream().map(Path::of).toList(),
                new ReadLimits(maxRecordBytes, maxInflated),
                settings.integer("ingest.transaction-records", 5000, 1, 1_000_000),
                settings.duration("ingest.max-future-skew", Duration.ofDays(1), Duration.ZERO, Duration.ofDays(365)));
    }

    @Override
    public Properties kafka() {
        return copy(kafka);
    }

    private static URI uri(Settings settings, String name) {
        String text = settings.string(name, null);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(text, "needs a scheme and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidConfigException(name + " must be a URL such as http://localhost:9000, was '" + text + "'");
        }
    }

    private static Properties copy(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }
}
