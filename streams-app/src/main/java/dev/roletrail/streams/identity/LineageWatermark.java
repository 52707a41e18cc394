package dev.roletrail.streams.identity;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A lineage task's promise: it has processed the CloudTrail events of its input partition up to this event time, and
 * every session they issued went to {@code roletrail.sessions} before this. Each task sends one to every partition of
 * {@code roletrail.sessions} as its events move on, so a task holding calls for a session knows when no session of
 * their time can still come from any task.
 * <p>
 * On the topic: key, the sender's input partition (decimal); value, null; header {@value #HEADER}, the event time in
 * epoch milliseconds (decimal). The topic's records are stamped by the broker on append, so the time travels in the
 * header.
 *
 * @param partition  the sender's input partition
 * @param streamTime the latest event time of the sender's own events, in epoch milliseconds
 */
public record LineageWatermark(int partition, long streamTime) {

    public static final String HEADER = "roletrail.lineage-watermark";

    public LineageWatermark {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, was " + partition);
        }
    }

    /** The record key it travels under. */
    public String key() {
        return Integer.toString(partition);
    }

    /** The header that marks it and carries its time. */
    public Headers headers() {
        return new RecordHeaders().add(HEADER, Long.toString(streamTime).getBytes(StandardCharsets.US_ASCII));
    }

    /** The time a watermark's headers carry; empty if they carry none (a session) or not a number. */
    public static Optional<Long> timeIn(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII)));
        } catch (NumberFormatException notATime) {
            return Optional.empty();
        }
    }

    /** A watermark read from {@code roletrail.sessions}; empty unless both its key and its header are well formed. */
    public static Optional<LineageWatermark> read(String key, Headers headers) {
        Optional<Long> time = timeIn(headers);
        if (time.isEmpty() || key == null) {
            return Optional.empty();
        }
        try {
            int partition = Integer.parseInt(key);
            return partition < 0 ? Optional.empty() : Optional.of(new LineageWatermark(partition, time.get()));
        } catch (NumberFormatException notAPartition) {
            return Optional.empty();
        }
    }
}
