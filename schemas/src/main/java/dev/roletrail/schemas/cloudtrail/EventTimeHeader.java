package dev.roletrail.schemas.cloudtrail;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The event time of a record on {@code roletrail.cloudtrail}, as ingest read it, in a header beside the JSON: epoch
 * milliseconds, eight bytes big-endian (Kafka's {@code LongSerializer} form). The streams app orders records by event
 * time before it parses them, and reading it here spares it a pass over the JSON to find {@code eventTime}. Not the
 * record's own timestamp: the broker deletes a topic's records by that, and a backfill's months-old event times would
 * have its records deleted before they were read. A record without the header (another producer's) is read as before.
 */
public final class EventTimeHeader {

    public static final String NAME = "roletrail.event-time";

    private EventTimeHeader() {
    }

    /** The header for a record with this event time, as ingest writes it. */
    public static Header of(Instant eventTime) {
        return new RecordHeader(NAME, ByteBuffer.allocate(Long.BYTES).putLong(eventTime.toEpochMilli()).array());
    }

    /** The header's event time in epoch milliseconds, or null when there is none, or it is not eight bytes. */
    public static Long read(Headers headers) {
        Header header = headers.lastHeader(NAME);
        if (header == null || header.value() == null || header.value().length != Long.BYTES) {
            return null;
        }
        return ByteBuffer.wrap(header.value()).getLong();
    }
}
