package dev.roletrail.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import dev.roletrail.ingest.read.ReadLimits;
import dev.roletrail.ingest.s3.S3Clients.S3Settings;
import dev.roletrail.ingest.s3.TrailSelection;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;

/**
 * Everything ingest needs, validated once. Built from flat settings (file, environment, flags); {@code kafka.*}
 * settings go to the producer and consumer unchanged.
 *
 * @param s3Bucket   the trail bucket, or null when reading files
 * @param s3Prefix   the trail's key prefix (before {@code AWSLogs/}), empty when none
 * @param files      local files or directories to read instead of S3; {@code -} is standard input
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
        Duration maxFutureSkew,
        Scope scope,
        Concurrency concurrency,
        Duration transactionInterval,
        Duration kafkaRetryFor,
        Following following,
        MetricsEndpoint metrics) {

    /** Standard input in {@link #files()}. */
    public static final Path STDIN = Path.of("-");

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    /**
     * Which accounts, regions and days of a trail to read.
     *
     * @param relistWindow how far before its newest object a stream is listed again, for objects CloudTrail delivers
     *                     a little late
     */
    public record Scope(Set<String> accounts, Set<String> regions, LocalDate from, LocalDate to,
            Duration relistWindow) {
        public Scope {
            accounts = Set.copyOf(accounts);
            regions = Set.copyOf(regions);
        }
    }

    /**
     * @param readAhead    objects fetched and parsed at once on worker threads, ahead of the one being produced
     * @param listings     listing requests at once (discovering streams, first pages)
     * @param listPageSize keys per listing request
     */
    public record Concurrency(int readAhead, int listings, int listPageSize) {
    }

    /** Keep polling for new objects every {@code pollInterval} after the backfill. */
    public record Following(boolean follow, Duration pollInterval) {
    }

    /** The Prometheus endpoint {@code http://host:port/metrics}; port null when off. */
    public record MetricsEndpoint(String host, Integer port) {
        public boolean enabled() {
            return port != null;
        }
    }

    public IngestConfig {
        kafka = copy(kafka);
        files = List.copyOf(files);
        if (s3Bucket == null && files.isEmpty()) {
            throw new InvalidConfigException("ingest needs a source: set ingest.s3.bucket or ingest.files");
        }
        if (s3Bucket != null && !files.isEmpty()) {
            throw new InvalidConfigException("set either ingest.s3.bucket or ingest.files, not both");
        }
        if (scope.to() != null && following.follow()) {
            throw new InvalidConfigException("ingest.to ends the range, so it cannot be combined with ingest.follow");
        }
        if (scope.from() != null && scope.to() != null && scope.to().isBefore(scope.from())) {
            throw new InvalidConfigException("ingest.to (" + scope.to() + ") is before ingest.from (" + scope.from() + ")");
        }
    }

    public static IngestConfig from(Settings settings) {
        Properties kafka = settings.kafkaProperties();
        kafka.putIfAbsent("bootstrap.servers", "localhost:9092");
        int maxRecordBytes = settings.integer("ingest.max-record-bytes", 1 << 20, 1024, 256 << 20);
        long maxInflated = settings.longValue("ingest.max-inflated-bytes", 1L << 30, maxRecordBytes, 1L << 40);
        int maxDepth = settings.integer("ingest.max-nesting-depth", ReadLimits.DEFAULT_NESTING_DEPTH, 8,
                ReadLimits.HARD_NESTING_DEPTH / 2);
        String metricsPort = settings.string("ingest.metrics.port", null);
        return new IngestConfig(
                new Topics(settings.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                kafka,
                settings.string("ingest.transactional.id", "roletrail-ingest"),
                settings.string("ingest.s3.bucket", null),
                settings.string("ingest.s3.prefix", ""),
                settings.string("ingest.s3.start-after", null),
                s3Settings(settings),
                settings.list("ingest.files").stream().map(Path::of).toList(),
                new ReadLimits(maxRecordBytes, maxInflated, maxDepth),
                settings.integer("ingest.transaction-records", 5000, 1, 1_000_000),
                settings.duration("ingest.max-future-skew", Duration.ofDays(1), Duration.ZERO, Duration.ofDays(365)),
                new Scope(matching(settings, "ingest.s3.accounts", ACCOUNT, "12-digit account ids"),
                        matching(settings, "ingest.s3.regions", REGION, "region names such as eu-west-1"),
                        date(settings, "ingest.from"), date(settings, "ingest.to"),
                        settings.duration("ingest.s3.relist-window", Duration.ofHours(1), Duration.ZERO,
                                Duration.ofDays(7))),
                new Concurrency(settings.integer("ingest.read-ahead", 16, 1, 256),
                        settings.integer("ingest.s3.list-concurrency", 8, 1, 64),
                        settings.integer("ingest.s3.list-page-size", 1000, 1, 1000)),
                settings.duration("ingest.transaction-interval", Duration.ofSeconds(1), Duration.ofMillis(10),
                        Duration.ofMinutes(10)),
                settings.duration("ingest.kafka.retry-for", Duration.ofMinutes(30), Duration.ZERO, Duration.ofDays(7)),
                new Following(settings.bool("ingest.follow", false),
                        settings.duration("ingest.poll-interval", Duration.ofSeconds(30), Duration.ofSeconds(1),
                                Duration.ofHours(24))),
                new MetricsEndpoint(settings.string("ingest.metrics.host", "127.0.0.1"),
                        metricsPort == null ? null : settings.integer("ingest.metrics.port", 0, 0, 65535)));
    }

    /** The S3 client settings alone, also for reading inventory from S3 without a trail. */
    public static S3Settings s3Settings(Settings settings) {
        return new S3Settings(uri(settings, "s3.endpoint"), settings.string("s3.region", null),
                settings.bool("s3.path-style", false), settings.integer("s3.max-attempts", 5, 1, 20),
                settings.duration("s3.retry-base-delay", Duration.ofMillis(200), Duration.ofMillis(1),
                        Duration.ofMinutes(1)));
    }

    @Override
    public Properties kafka() {
        return copy(kafka);
    }

    /** What to read of the trail bucket; only meaningful with {@link #s3Bucket()}. */
    public TrailSelection trailSelection() {
        return new TrailSelection(s3Bucket, s3Prefix, s3StartAfter, scope.accounts(), scope.regions(), scope.from(),
                scope.to());
    }

    private static Set<String> matching(Settings settings, String name, Pattern pattern, String what) {
        Set<String> values = new HashSet<>();
        for (String value : settings.list(name)) {
            if (!pattern.matcher(value).matches()) {
                throw new InvalidConfigException(name + " takes " + what + ", was '" + value + "'");
            }
            values.add(value);
        }
        return values;
    }

    private static LocalDate date(Settings settings, String name) {
        String text = settings.string(name, null);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidConfigException(name + " must be a date such as 2026-11-01, was '" + text + "'");
        }
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
