package dev.roletrail.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import dev.roletrail.ingest.progress.Checkpoints;
import dev.roletrail.schemas.Topic;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.cloudtrail.EventTimeHeader;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.schemas.deadletter.DeadLetterCategory;
import dev.roletrail.schemas.ingest.IngestProgress;

/**
 * Sends records, dead letters and progress in Kafka transactions: one transaction spans many small objects (or part
 * of a big one) and closes after {@code maxRecords} records or {@code maxAge}, carrying the progress of every object
 * it touched, so that what it covers and the checkpoint saying so commit together or not at all.
 */
final class TransactionalWriter {

    private final Producer<byte[], byte[]> producer;
    private final Topic<String, byte[]> cloudtrail;
    private final Topic<String, DeadLetter> deadletter;
    private final Topic<String, IngestProgress> progressTopic;
    private final Checkpoints checkpoints;
    private final IngestListener listener;
    private final Clock clock;
    private final int maxRecords;
    private final Duration maxAge;

    private boolean open;
    private Instant openedAt;
    private long records;
    private long deadLetters;
    private long objects;
    private long bytes;
    private Instant newestModified;
    private final List<String> reasons = new ArrayList<>();
    private long timestampFallbacks;
    private final List<SkipReason> skipped = new ArrayList<>();
    private IngestStats committed = IngestStats.NONE;

    TransactionalWriter(Producer<byte[], byte[]> producer, Topics topics, Checkpoints checkpoints,
            IngestListener listener, Clock clock, int maxRecords, Duration maxAge) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.cloudtrail = topics.cloudtrail();
        this.deadletter = topics.deadletter();
        this.progressTopic = topics.ingestProgress();
        this.checkpoints = checkpoints;
        this.listener = listener;
        this.clock = clock;
        this.maxRecords = maxRecords;
        this.maxAge = maxAge;
    }

    /** A CloudTrail record, with its event time in a header too ({@link EventTimeHeader}). */
    void record(String principal, byte[] json, Instant eventTime, TimeSource timeSource) {
        send(cloudtrail, principal, json, List.of(EventTimeHeader.of(eventTime)));
        records++;
        if (timeSource == TimeSource.TIMESTAMP) {
            timestampFallbacks++;
        }
    }

    /** A record passed over on purpose: nothing is sent, it is only counted with the transaction. */
    void skipped(SkipReason reason) {
        begin();
        skipped.add(reason);
    }

    void deadLetter(String source, DeadLetter letter) {
        send(deadletter, source, letter);
        deadLetters++;
        reasons.add(letter.reason());
    }

    /** Notes how far into an object the open transaction got; commits when it is full or old enough. */
    void progress(IngestProgress progress, boolean checkpointed) {
        if (checkpointed) {
            send(progressTopic, progress.source(), progress);
            checkpoints.record(progress);
        }
        if (due()) {
            commit();
        }
    }

    /** An object was read to its end (its final progress follows through {@link #progress}). */
    void objectDone(long compressedBytes, Instant lastModified) {
        begin();
        objects++;
        bytes += Math.max(0, compressedBytes);
        if (lastModified != null && (newestModified == null || lastModified.isAfter(newestModified))) {
            newestModified = lastModified;
        }
    }

    boolean due() {
        return open && (records + deadLetters >= maxRecords || !clock.instant().isBefore(openedAt.plus(maxAge)));
    }

    /** Commits the open transaction, with tombstones for progress that fell out of the relist window. */
    void commit() {
        if (!open) {
            return;
        }
        for (String forgotten : checkpoints.drainForgotten()) {
            producer.send(new ProducerRecord<>(progressTopic.name(), key(progressTopic, forgotten), null));
        }
        producer.commitTransaction();
        open = false;
        Map<DeadLetterCategory, Long> byReason = new EnumMap<>(DeadLetterCategory.class);
        reasons.forEach(reason -> byReason.merge(DeadLetterCategory.of(reason), 1L, Long::sum));
        Map<SkipReason, Long> skippedByReason = new EnumMap<>(SkipReason.class);
        skipped.forEach(reason -> skippedByReason.merge(reason, 1L, Long::sum));
        IngestStats delta = new IngestStats(objects, 0, records, byReason, timestampFallbacks, skippedByReason);
        committed = committed.plus(delta);
        listener.committed(new IngestListener.Committed(objects, records, deadLetters, bytes, reasons, newestModified,
                timestampFallbacks, skipped));
        records = 0;
        timestampFallbacks = 0;
        skipped.clear();
        deadLetters = 0;
        objects = 0;
        bytes = 0;
        newestModified = null;
        reasons.clear();
    }

    /** What committed transactions covered so far. */
    IngestStats committed() {
        return committed;
    }

    private <K, V> void send(Topic<K, V> topic, K key, V value) {
        send(topic, key, value, List.of());
    }

    private <K, V> void send(Topic<K, V> topic, K key, V value, List<Header> headers) {
        begin();
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), null, key(topic, key), valueBytes, headers));
    }

    private static <K> byte[] key(Topic<K, ?> topic, K key) {
        return topic.keySerde().serializer().serialize(topic.name(), key);
    }

    private void begin() {
        if (!open) {
            producer.beginTransaction();
            open = true;
            openedAt = clock.instant();
        }
    }
}
