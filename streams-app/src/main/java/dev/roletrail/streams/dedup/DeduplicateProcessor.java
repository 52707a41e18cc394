package dev.roletrail.streams.dedup;

import java.time.Duration;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.streams.parse.RecordExclusions;
import dev.roletrail.streams.state.StoreNames;

/**
 * Drops CloudTrail's duplicate deliveries: a record whose eventID was seen within the grace before or after its
 * event time is dropped. Duplicates share their principal, so they meet in the same task. A duplicate arriving more
 * than the grace after the stream has moved on is not caught (the window store has let that time go).
 */
public final class DeduplicateProcessor implements FixedKeyProcessor<String, CloudTrailRecord, CloudTrailRecord> {

    private final long graceMs;
    private FixedKeyProcessorContext<String, CloudTrailRecord> context;
    private WindowStore<String, Long> seen;
    private RecordExclusions exclusions;

    public DeduplicateProcessor(Duration grace) {
        this.graceMs = grace.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CloudTrailRecord> context) {
        this.context = context;
        this.seen = context.getStateStore(StoreNames.SEEN_EVENT_IDS);
        this.exclusions = new RecordExclusions(context.getStateStore(StoreNames.RECORD_EXCLUSIONS));
    }

    @Override
    public void process(FixedKeyRecord<String, CloudTrailRecord> record) {
        CloudTrailRecord event = record.value();
        long time = event.eventTime().toEpochMilli();
        // In epoch milliseconds: the Instant overload formats its argument-check message on every call.
        try (WindowStoreIterator<Long> earlier = seen.fetch(event.eventId(), time - graceMs, time + graceMs)) {
            if (earlier.hasNext()) {
                exclusions.count(RecordExclusions.DUPLICATE);
                return;
            }
        }
        seen.put(event.eventId(), time, time);
        context.forward(record);
    }
}
