package dev.roletrail.streams.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.siem.SiemForward;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.unused.FindingsSettings;

/**
 * Everything the streams app needs, validated once. {@code kafka.*} settings go to Kafka Streams unchanged and win
 * over the defaults here.
 *
 * @param learningPeriod    how long a principal must have been observed before "first time" detectors may fire for it
 * @param suppressionWindow one alert per detector and entity within this window (event time); zero turns it off
 * @param dedupGrace        a record whose eventID was seen within this much event time is a duplicate
 * @param lineageHold       how long (stream time) events of a temporary key wait for their session to arrive
 * @param lineageHoldWall   and at least this long in wall-clock time, since a backfill moves stream time faster than
 *                          a session travels through roletrail.sessions
 * @param lineageIdleRelease after this much wall-clock time in which a task processed no record, its held events go
 *                          on without lineage: their session cannot come any more; zero turns it off
 * @param rocksDbMemoryBytes off-heap memory all RocksDB stores of the process share (block cache and memtables)
 * @param decodedCacheEntries values each processor keeps decoded per store and task ({@link DecodedCache}); 0: none
 * @param usageDedupeEntries usage signals each task remembers having forwarded today, at most (12–24 bytes of heap
 *                          each); past it, the day's signals go to the findings step again
 * @param siemForward       what goes to the SIEM topic as OCSF: findings, identity activity, both or nothing
 * @param findings          parameters of the unused and dormant access findings ({@code findings.*})
 * @param settings          all settings, for the detectors' own ({@code detector.<id>.*}, {@code org.*})
 * @param inputPartitions   partitions of {@code roletrail.cloudtrail}, asked of the broker at start; 0: not known
 */
public record StreamsAppConfig(
        Topics topics,
        String applicationId,
        Properties kafka,
        String processingGuarantee,
        Path stateDir,
        Duration learningPeriod,
        Duration maxFutureSkew,
        Duration suppressionWindow,
        Duration dedupGrace,
        Duration lineageHold,
        Duration lineageHoldWall,
        Duration lineageIdleRelease,
        long rocksDbMemoryBytes,
        int decodedCacheEntries,
        int usageDedupeEntries,
        SiemForward siemForward,
        FindingsSettings findings,
        Settings settings,
        int inputPartitions) {

    public StreamsAppConfig {
        kafka = copy(kafka);
        Objects.requireNonNull(siemForward, "siemForward");
        if (!processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)
                && !processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new InvalidConfigException("streams.processing.guarantee must be exactly_once_v2 or at_least_once, was '"
                    + processingGuarantee + "'");
        }
    }

    public static StreamsAppConfig from(Settings settings) {
        Properties kafka = settings.kafkaProperties();
        kafka.putIfAbsent("bootstrap.servers", "localhost:9092");
        return new StreamsAppConfig(
                new Topics(settings.string("topic.prefix", Topics.DEFAULT_PREFIX)),
                settings.string("streams.application.id", "roletrail-streams"),
                kafka,
                settings.string("streams.processing.guarantee", StreamsConfig.EXACTLY_ONCE_V2),
                Path.of(settings.string("streams.state.dir",
                        Path.of(System.getProperty("java.io.tmpdir"), "roletrail-state").toString())),
                settings.duration("detector.learning-period", Duration.ofDays(14), Duration.ZERO, Duration.ofDays(365)),
                settings.duration("streams.max-future-skew", Duration.ofDays(1), Duration.ZERO, Duration.ofDays(365)),
                settings.duration("alerts.suppression-window", Duration.ofHours(24), Duration.ZERO, Duration.ofDays(30)),
                settings.duration("streams.dedup-grace", Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofDays(7)),
                settings.duration("streams.lineage-hold", Duration.ofMinutes(10), Duration.ZERO, Duration.ofHours(6)),
                settings.duration("streams.lineage-hold-wall", Duration.ofSeconds(60), Duration.ZERO,
                        Duration.ofMinutes(10)),
                settings.duration("streams.lineage-idle-release", Duration.ofMinutes(2), Duration.ZERO,
                        Duration.ofHours(24)),
                settings.longValue("streams.rocksdb.memory-bytes", 256L << 20, 32L << 20, 64L << 30),
                settings.integer("streams.decoded-cache-entries", DecodedCache.DEFAULT_ENTRIES, 0, 1_000_000),
                settings.integer("streams.usage-dedupe-entries", 250_000, 1_000, 50_000_000),
                SiemForward.from(settings),
                FindingsSettings.from(settings),
                settings,
                0);
    }

    /**
     * How long an entity's detector state stays whole after its last use: the findings' tracking period plus their
     * dormancy. Past it, what only a recent baseline needs (networks, user agents, access edges, assumption rates)
     * goes, and what dormancy needs (first and last use) stays, so state stops growing with history.
     */
    public Duration entityRetention() {
        return findings.trackingPeriod().plus(findings.dormancy());
    }

    /** This configuration with other findings settings (e.g. the partition count resolved). */
    public StreamsAppConfig withFindings(FindingsSettings resolved) {
        return new StreamsAppConfig(topics, applicationId, kafka, processingGuarantee, stateDir, learningPeriod,
                maxFutureSkew, suppressionWindow, dedupGrace, lineageHold, lineageHoldWall, lineageIdleRelease,
                rocksDbMemoryBytes, decodedCacheEntries, usageDedupeEntries, siemForward, resolved, settings,
                inputPartitions);
    }

    /** This configuration with the input's partition count known. */
    public StreamsAppConfig withInputPartitions(int count) {
        return new StreamsAppConfig(topics, applicationId, kafka, processingGuarantee, stateDir, learningPeriod,
                maxFutureSkew, suppressionWindow, dedupGrace, lineageHold, lineageHoldWall, lineageIdleRelease,
                rocksDbMemoryBytes, decodedCacheEntries, usageDedupeEntries, siemForward, findings, settings, count);
    }

    /** The Kafka Streams configuration: RoleTrail's defaults, then every {@code kafka.*} setting on top. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // exactly_once_v2 commits every 100 ms by default, and every commit flushes every store: a second keeps
        // RocksDB out of write stalls and costs a backfill less (200 ms cost a fifth more CPU per record). Live alerts
        // ask for their commits sooner (CommitPrompt). kafka.commit.interval.ms overrides it.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
        // The findings and identities tables read compacted topics this app writes: restored from those topics, they
        // need no changelog of their own, which was a second copy of every finding and identity view written.
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        // A task with a second input (lineage: the sessions topic) goes on with what it has buffered rather than first
        // asking whether the other partition has data on the broker. Lineage waits for sessions anyway (they come a
        // commit later from other tasks), and Kafka Streams formats a log line per partition and record on that check
        // whatever the log level: 6-7 % of the stream threads' time on the simulator's traffic (JFR).
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, Long.toString(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED));
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDBConfig.class.getName());
        props.put(BoundedMemoryRocksDBConfig.TOTAL_MEMORY_CONFIG, Long.toString(rocksDbMemoryBytes));
        props.put(DecodedCache.ENTRIES_CONFIG, Integer.toString(decodedCacheEntries));
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler.class.getName());
        // One produce request in flight, as ingest does: with transactions v2 the broker adds a partition to the
        // transaction on its first batch, and answers CONCURRENT_TRANSACTIONS while the previous commit's markers are
        // still being written; a second in-flight batch of that partition then arrives first and is refused as out of
        // order (sequence 0 not yet written, KAFKA-18202), logged as an ERROR by the broker and retried.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), "1");
        props.putAll(kafka);
        return props;
    }

    @Override
    public Properties kafka() {
        return copy(kafka);
    }

    private static Properties copy(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }
}
