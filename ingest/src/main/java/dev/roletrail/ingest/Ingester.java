package dev.roletrail.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.roletrail.ingest.RecordRouter.Accepted;
import dev.roletrail.ingest.RecordRouter.Quarantined;
import dev.roletrail.ingest.RecordRouter.Routed;
import dev.roletrail.ingest.read.RecordItem;
import dev.roletrail.ingest.read.RecordReader;
import dev.roletrail.ingest.source.ObjectSource;
import dev.roletrail.ingest.source.SourceObject;
import dev.roletrail.schemas.Reasons;
import dev.roletrail.schemas.Topic;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.schemas.ingest.IngestProgress;

/**
 * Reads sources and produces one record per CloudTrail record to {@code roletrail.cloudtrail}, keyed by the acting
 * principal, and every unusable input to {@code roletrail.deadletter}, exactly once: records go out in Kafka
 * transactions, each of which also carries the source's progress, so a restart after a crash resumes at the last
 * committed record and neither loses nor repeats any.
 */
public final class Ingester implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);

    private final IngestConfig config;
    private final Topics topics;
    private final Producer<byte[], byte[]> producer;
    private final RecordRouter router;
    private Map<String, IngestProgress> progress;

    public Ingester(IngestConfig config) {
        this(config, Clock.systemUTC());
    }

    public Ingester(IngestConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.topics = config.topics();
        this.router = new RecordRouter(new CloudTrailRecords(clock, config.maxFutureSkew()), clock);
        this.producer = new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(),
                new ByteArraySerializer());
        producer.initTransactions();
    }

    /** Reads every object of the source that no earlier run completed. */
    public IngestStats ingest(ObjectSource source) throws IOException {
        if (progress == null) {
            progress = ProgressLog.load(config.kafka(), topics.ingestProgress());
        }
        IngestStats total = new IngestStats(0, 0, 0, 0);
        for (SourceObject object : source.list()) {
            IngestProgress done = progress.get(object.id());
            if (done != null && done.complete()) {
                total = total.plus(new IngestStats(0, 1, 0, 0));
                continue;
            }
            total = total.plus(ingestObject(object, done == null ? 0 : done.recordsDone()));
        }
        LOG.info("ingest pass over {} done: {}", source.describe(), total);
        return total;
    }

    private IngestStats ingestObject(SourceObject object, long resumeAt) {
        long records = 0;
        long deadLetters = 0;
        long position = resumeAt;
        long inTransaction = 0;
        producer.beginTransaction();
        try (InputStream in = object.open(); RecordReader reader = RecordReader.open(in, config.limits())) {
            while (reader.hasNext()) {
                RecordItem item = reader.next();
                if (item.index() >= 0 && item.index() < resumeAt) {
                    continue;
                }
                Routed routed = router.route(object.id(), item);
                if (routed instanceof Accepted accepted) {
                    send(topics.cloudtrail(), accepted.principal(), accepted.json());
                    records++;
                } else {
                    send(topics.deadletter(), object.id(), ((Quarantined) routed).letter());
                    deadLetters++;
                }
                position = Math.max(position, item.index() + 1);
                if (++inTransaction >= config.transactionRecords()) {
                    commit(object.id(), position, false);
                    producer.beginTransaction();
                    inTransaction = 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (isFatalForProducer(e)) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
            LOG.warn("cannot read {}: {}", object.id(), Reasons.oneLine(e));
            DeadLetter letter = router.quarantine(object.id(), position == 0 ? -1 : position,
                    "unreadable source: " + Reasons.oneLine(e), null).letter();
            send(topics.deadletter(), object.id(), letter);
            deadLetters++;
        }
        commit(object.id(), position, true);
        return new IngestStats(1, 0, records, deadLetters);
    }

    private void commit(String source, long recordsDone, boolean complete) {
        IngestProgress done = new IngestProgress(source, recordsDone, complete);
        send(topics.ingestProgress(), source, done);
        producer.commitTransaction();
        progress.put(source, done);
    }

    private <K, V> void send(Topic<K, V> topic, K key, V value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes));
    }

    /** Errors of the producer itself (fenced, broker gone for good) end the run; source errors do not. */
    private static boolean isFatalForProducer(Exception e) {
        return e instanceof org.apache.kafka.common.KafkaException;
    }

    private static Properties producerProperties(IngestConfig config) {
        Properties props = config.kafka();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        return props;
    }

    @Override
    public void close() {
        producer.close();
    }
}
