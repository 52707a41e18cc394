package dev.roletrail.ingest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.roletrail.ingest.RecordRouter.Accepted;
import dev.roletrail.ingest.RecordRouter.Quarantined;
import dev.roletrail.ingest.progress.Checkpoints;
import dev.roletrail.ingest.progress.ProgressLog;
import dev.roletrail.ingest.source.ObjectSource;
import dev.roletrail.ingest.source.SourceObject;
import dev.roletrail.schemas.Reasons;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.ingest.IngestProgress;

/**
 * Reads sources and produces one record per CloudTrail record to {@code roletrail.cloudtrail}, keyed by the acting
 * principal, and every unusable input to {@code roletrail.deadletter}, exactly once: records go out in Kafka
 * transactions, each of which also carries the progress of the objects it covers, so a restart after a crash resumes
 * at the last committed record and neither loses nor repeats any. When Kafka goes away the ingester waits and
 * retries from its last committed progress, the same way a restart would.
 */
public final class Ingester implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private final IngestConfig config;
    private final Topics topics;
    private final RecordRouter router;
    private final IngestListener listener;
    private final Clock clock;
    /**
     * Records waiting, over all objects read ahead: bounds memory whatever the objects' sizes (about 1.5 KB each),
     * while letting workers parse well ahead of a big object being produced.
     */
    private static final int READ_AHEAD_RECORDS = 32_768;

    private final ExecutorService readPool;
    private Producer<byte[], byte[]> producer;
    private Checkpoints checkpoints;
    private volatile boolean stopping;

    public Ingester(IngestConfig config) {
        this(config, IngestListener.NONE, Clock.systemUTC());
    }

    public Ingester(IngestConfig config, IngestListener listener, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.topics = config.topics();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.router = new RecordRouter(new RecordCheck(clock, config.maxFutureSkew()), clock);
        this.readPool = Executors.newFixedThreadPool(config.concurrency().readAhead(), runnable -> {
            Thread thread = new Thread(runnable, "roletrail-read");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads every object of the source that no earlier run completed, then returns what this call committed. Kafka
     * outages are waited out for up to {@code ingest.kafka.retry-for}; errors of the source's listing propagate.
     */
    public IngestStats ingest(ObjectSource source) throws IOException {
        Instant giveUpAt = clock.instant().plus(config.kafkaRetryFor());
        IngestStats total = IngestStats.NONE;
        int failures = 0;
        while (true) {
            TransactionalWriter writer = null;
            try {
                connect();
                writer = new TransactionalWriter(producer, topics, checkpoints, listener, clock,
                        config.transactionRecords(), config.transactionInterval());
                long skipped = pass(source, writer);
                total = total.plus(writer.committed()).plus(IngestStats.skipped(skipped));
                LOG.info("event=pass_done source=\"{}\" objects={} skipped={} records={} records_skipped={} "
                        + "timestamp_fallbacks={} dead_letters={}", source.describe(), total.objectsRead(),
                        total.objectsSkipped(), total.records(), total.recordsSkipped(), total.timestampFallbacks(),
                        total.deadLetters());
                return total;
            } catch (KafkaException e) {
                if (writer != null) {
                    total = total.plus(writer.committed());
                }
                if (KafkaErrors.isFatal(e) || !clock.instant().isBefore(giveUpAt)) {
                    disconnect();
                    throw e;
                }
                Duration backoff = backoff(++failures);
                LOG.warn("event=kafka_unavailable retry_in_ms={} reason=\"{}\"", backoff.toMillis(),
                        Reasons.oneLine(e));
                listener.kafkaUnavailable(e, backoff);
                disconnect();
                pause(backoff);
            }
        }
    }

    /** Reads the listed objects in order; returns how many were skipped as already done. */
    private long pass(ObjectSource source, TransactionalWriter writer) throws IOException {
        listener.passStarted(source.describe());
        NotDone notDone = new NotDone(source.list(checkpoints));
        try (ReadAhead readings = new ReadAhead(notDone, object -> checkpoints.recordsDone(object.id()), readPool,
                config.concurrency().readAhead(), READ_AHEAD_RECORDS / config.concurrency().readAhead(), router,
                config.limits())) {
            while (!stopping && readings.hasNext()) {
                produce(readings.next(), writer);
            }
            writer.commit();
        }
        return notDone.skipped;
    }

    /** Sends one object's records as its worker hands them over, committing whenever the transaction is due. */
    private void produce(ReadAhead.Reading reading, TransactionalWriter writer) {
        SourceObject object = reading.object();
        long position = reading.resumeAt();
        ReadAhead.Item item;
        do {
            item = take(reading);
            for (ReadAhead.Record record : item.records()) {
                if (record.routed() instanceof Accepted accepted) {
                    writer.record(accepted.principal(), accepted.json(), accepted.eventTime(), accepted.timeSource());
                } else if (record.routed() instanceof RecordRouter.Skipped skipped) {
                    writer.skipped(skipped.reason());
                } else {
                    writer.deadLetter(object.id(), ((Quarantined) record.routed()).letter());
                }
                position = Math.max(position, record.index() + 1);
                if (writer.due()) {
                    writer.progress(new IngestProgress(object.id(), position, false), object.resumable());
                }
            }
        } while (!(item instanceof ReadAhead.End));
        String failure = ((ReadAhead.End) item).failure();
        if (failure != null) {
            LOG.warn("event=source_unreadable source=\"{}\" reason=\"{}\"", object.id(), failure);
            writer.deadLetter(object.id(), router.quarantine(object.id(), position == 0 ? -1 : position,
                    "unreadable source: " + failure, null).letter());
        }
        writer.objectDone(object.size(), object.lastModified());
        writer.progress(new IngestProgress(object.id(), position, true), object.resumable());
    }

    private static ReadAhead.Item take(ReadAhead.Reading reading) {
        try {
            return reading.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while reading " + reading.object().id(), e);
        }
    }

    /**
     * Asks a running {@link #ingest} to stop after the object it is reading: it commits what it did and returns.
     * Safe to call from another thread, such as a shutdown hook.
     */
    public void stop() {
        stopping = true;
    }

    /** A producer whose earlier transactions are settled, and the progress they committed. */
    private void connect() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(),
                    new ByteArraySerializer());
            // Fences an earlier instance with the same transactional id and aborts what it left open, so the
            // progress read next is final.
            producer.initTransactions();
            checkpoints = null;
        }
        if (checkpoints == null) {
            checkpoints = new Checkpoints(ProgressLog.load(config.kafka(), topics.ingestProgress()),
                    config.scope().relistWindow());
            LOG.info("event=progress_loaded sources={}", checkpoints.size());
        }
    }

    private void disconnect() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (KafkaException e) {
                LOG.debug("closing the producer failed", e);
            }
        }
        producer = null;
        checkpoints = null;
    }

    private static Duration backoff(int failures) {
        Duration delay = Duration.ofMillis(500L << Math.min(failures - 1, 10));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting for Kafka", e);
        }
    }

    private static Properties producerProperties(IngestConfig config) {
        Properties props = config.kafka();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        // One request in flight per broker: with transactions v2 a second in-flight batch of a partition that just
        // joined the transaction can arrive first and is refused (OutOfOrderSequence) and retried after a backoff,
        // which stalls every commit. Batches are large enough that pipelining gains little.
        props.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        return props;
    }

    @Override
    public void close() {
        readPool.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }

    /** The listed objects an earlier run has not completed; counts the others. */
    private final class NotDone implements Iterator<SourceObject> {
        private final Iterator<SourceObject> listed;
        private SourceObject next;
        private long skipped;

        NotDone(Iterator<SourceObject> listed) {
            this.listed = listed;
        }

        @Override
        public boolean hasNext() {
            while (next == null && listed.hasNext()) {
                SourceObject candidate = listed.next();
                if (candidate.resumable() && checkpoints.isComplete(candidate.id())) {
                    skipped++;
                    listener.objectSkipped(candidate.size());
                } else {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public SourceObject next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SourceObject object = next;
            next = null;
            return object;
        }
    }
}
