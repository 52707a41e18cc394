package dev.roletrail.streams.parse;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import dev.roletrail.schemas.identity.Session;

/**
 * Sessions on {@code roletrail.sessions} carry the broker's append time (so retention works during backfills); their
 * event time is when the session was issued, which is what must drive stream time next to the CloudTrail records.
 */
public final class SessionTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Session session) {
            return session.issuedAt().toEpochMilli();
        }
        return partitionTime >= 0 ? partitionTime : Math.max(record.timestamp(), 0);
    }
}
