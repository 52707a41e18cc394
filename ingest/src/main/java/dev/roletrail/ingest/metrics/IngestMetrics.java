package dev.roletrail.ingest.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import dev.roletrail.ingest.DeadLetterReasons;
import dev.roletrail.ingest.IngestListener;
import dev.roletrail.ingest.SkipReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ingest's meters, counted when a transaction commits (so they agree with what consumers can read):
 * {@code roletrail_ingest_records_total}, {@code roletrail_ingest_bytes_total} (compressed, as stored),
 * {@code roletrail_ingest_objects_total}, {@code roletrail_ingest_deadletters_total{reason=...}},
 * {@code roletrail_ingest_skipped_total{reason=...}} (valid records passed over on purpose: {@code insight}),
 * {@code roletrail_ingest_time_fallbacks_total} (records timed by {@code @timestamp}, having no {@code eventTime}),
 * {@code roletrail_ingest_newest_object_age_seconds} (how far behind the newest object read lies),
 * {@code roletrail_ingest_kafka_unavailable_total}.
 */
public final class IngestMetrics implements IngestListener {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter records;
    private final Counter bytes;
    private final Counter objects;
    private final Counter skipped;
    private final Counter kafkaUnavailable;
    private final Counter timeFallbacks;
    private final AtomicReference<Instant> newest = new AtomicReference<>();

    public IngestMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.records = Counter.builder("roletrail.ingest.records").description("CloudTrail records produced")
                .register(registry);
        this.bytes = Counter.builder("roletrail.ingest.bytes").baseUnit("bytes")
                .description("Bytes of source objects read, as stored (compressed)").register(registry);
        this.objects = Counter.builder("roletrail.ingest.objects").description("Source objects read to their end")
                .register(registry);
        this.skipped = Counter.builder("roletrail.ingest.objects.skipped")
                .description("Listed objects an earlier run had already completed").register(registry);
        this.kafkaUnavailable = Counter.builder("roletrail.ingest.kafka.unavailable")
                .description("Times Kafka could not be reached and ingest waited").register(registry);
        this.timeFallbacks = Counter.builder("roletrail.ingest.time.fallbacks")
                .description("Records without eventTime, timed by @timestamp").register(registry);
        Gauge.builder("roletrail.ingest.newest.object.age", this, IngestMetrics::newestObjectAgeSeconds)
                .baseUnit("seconds").description("Age of the newest object read (by its modification time)")
                .register(registry);
    }

    @Override
    public void objectSkipped(long compressedBytes) {
        skipped.increment();
    }

    @Override
    public void committed(Committed committed) {
        records.increment(committed.records());
        bytes.increment(committed.compressedBytes());
        objects.increment(committed.objects());
        for (String reason : committed.deadLetterReasons()) {
            Counter.builder("roletrail.ingest.deadletters").description("Inputs sent to the dead-letter topic")
                    .tag("reason", DeadLetterReasons.category(reason)).register(registry).increment();
        }
        timeFallbacks.increment(committed.timestampFallbacks());
        for (SkipReason reason : committed.skipped()) {
            Counter.builder("roletrail.ingest.skipped").description("Valid records passed over on purpose")
                    .tag("reason", reason.tag()).register(registry).increment();
        }
        Instant modified = committed.newestObjectModified();
        if (modified != null) {
            newest.accumulateAndGet(modified, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
    }

    @Override
    public void kafkaUnavailable(Exception cause, Duration retryIn) {
        kafkaUnavailable.increment();
    }

    private double newestObjectAgeSeconds() {
        Instant modified = newest.get();
        return modified == null ? Double.NaN : Duration.between(modified, clock.instant()).toMillis() / 1000.0;
    }
}
