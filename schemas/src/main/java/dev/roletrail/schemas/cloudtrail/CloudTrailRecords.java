package dev.roletrail.schemas.cloudtrail;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Reasons;

/**
 * Turns one CloudTrail record's JSON into a {@link CloudTrailRecord}, or says in a few words why it cannot be used.
 * A record is usable when it is a JSON object with an eventID, a plausible eventTime and a userIdentity.
 */
public final class CloudTrailRecords {

    /** CloudTrail started recording in November 2013; anything earlier is a broken clock or forged input. */
    public static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2013-11-01T00:00:00Z");

    private static final ObjectReader RECORD_READER = Json.mapper().readerFor(CloudTrailRecord.class);

    private final Clock clock;
    private final Duration maxFutureSkew;

    /**
     * @param clock         wall clock used only to reject event times from the future
     * @param maxFutureSkew how far past "now" an eventTime may lie before it is absurd
     */
    public CloudTrailRecords(Clock clock, Duration maxFutureSkew) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFutureSkew = Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    }

    public static CloudTrailRecords withDefaults() {
        return new CloudTrailRecords(Clock.systemUTC(), Duration.ofDays(1));
    }

    /** The outcome of reading one record: either the record or the reason it was rejected. */
    public sealed interface Result permits Parsed, Rejected {
    }

    public record Parsed(CloudTrailRecord record) implements Result {
        public Parsed {
            Objects.requireNonNull(record, "record");
        }
    }

    public record Rejected(String reason) implements Result {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    public Result parse(byte[] json) {
        if (json == null) {
            return new Rejected("empty record");
        }
        CloudTrailRecord usable = bindWithoutTree(json);
        if (usable != null) {
            return checkTime(usable);
        }
        try {
            return check(Json.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            return new Rejected(Reasons.invalidJson(e));
        } catch (IOException e) {
            return new Rejected("invalid JSON");
        }
    }

    /**
     * The common case in one pass: binding straight from the bytes, when that yields the three fields a usable record
     * has. Otherwise null, and the tree, read only then, says why the record is unusable; building the tree and then
     * binding from it cost twice the parse.
     */
    private static CloudTrailRecord bindWithoutTree(byte[] json) {
        try {
            CloudTrailRecord record = RECORD_READER.readValue(json);
            return record != null && record.eventId() != null && record.eventTime() != null
                    && record.userIdentity() != null ? record : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Checks and binds a record already parsed into a tree (the ingester streams records as trees). */
    public Result check(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Rejected("not a JSON object");
        }
        if (!node.hasNonNull("eventID") && !node.hasNonNull("eventTime") && !node.hasNonNull("eventName")) {
            return new Rejected("not a CloudTrail record: no eventID, eventTime or eventName");
        }
        for (String field : new String[] {"eventID", "eventTime", "userIdentity"}) {
            if (!node.hasNonNull(field)) {
                return new Rejected("missing " + field);
            }
        }
        if (!node.get("userIdentity").isObject()) {
            return new Rejected("userIdentity is not an object");
        }
        CloudTrailRecord record;
        try {
            record = Json.mapper().treeToValue(node, CloudTrailRecord.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Rejected(notCloudTrail("", e));
        }
        return checkTime(record);
    }

    /**
     * The reason for a record that does not bind, naming the field; {@code path} is where the bound value sits in the
     * record (empty: the record itself). Shared with ingest's lighter check so both give the same words.
     */
    public static String notCloudTrail(String path, Exception e) {
        return "not a CloudTrail record: " + (e instanceof JsonMappingException mapping
                ? Reasons.badField(path, mapping) : "a field has an invalid value");
    }

    private Result checkTime(CloudTrailRecord record) {
        Instant time = record.eventTime();
        if (time.isBefore(EARLIEST_PLAUSIBLE)) {
            return new Rejected("absurd eventTime " + time + ": before CloudTrail existed");
        }
        if (time.isAfter(clock.instant().plus(maxFutureSkew))) {
            return new Rejected("absurd eventTime " + time + ": in the future");
        }
        return new Parsed(record);
    }
}
