package dev.roletrail.schemas.deadletter;

import java.time.Instant;
import java.util.Objects;

/**
 * Input RoleTrail could not use (topic {@code roletrail.deadletter}, key: the source), kept with where it came from
 * and why, so nothing is lost silently.
 *
 * @param source   where the input came from: {@code s3://bucket/key}, a file path, or {@code topic/partition/offset}
 * @param index    the record's position within its source (0-based), or -1 when the whole source failed
 * @param stage    which part rejected it: {@code ingest} or {@code streams}
 * @param reason   a short human-readable reason
 * @param payload  the start of the offending input, truncated to {@link #MAX_PAYLOAD_CHARS}
 * @param rejectedAt when it was rejected (wall clock)
 */
public record DeadLetter(String source, long index, String stage, String reason, String payload, Instant rejectedAt) {

    public static final int MAX_PAYLOAD_CHARS = 4096;

    public DeadLetter {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        payload = truncate(payload);
    }

    /** Keeps the start of a payload; a dead letter never carries a huge or binary-sized copy. */
    public static String truncate(String payload) {
        if (payload == null || payload.length() <= MAX_PAYLOAD_CHARS) {
            return payload;
        }
        return payload.substring(0, MAX_PAYLOAD_CHARS) + "…[truncated " + (payload.length() - MAX_PAYLOAD_CHARS)
                + " chars]";
    }
}
