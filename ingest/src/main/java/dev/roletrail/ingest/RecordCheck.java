package dev.roletrail.ingest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static dev.roletrail.ingest.read.RecordFields.nonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import dev.roletrail.ingest.read.RecordFields;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.cloudtrail.CanonicalInstant;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords;
import dev.roletrail.schemas.cloudtrail.EventTimes;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.Principals;
import dev.roletrail.schemas.cloudtrail.UserIdentity;

/**
 * The checks of {@link CloudTrailRecords} that decide whether a record is usable (a JSON object with an eventID, a
 * plausible eventTime and a userIdentity object), with the same reasons, and the acting principal, without binding the
 * whole record: binding every field cost three times the parse, and ingest only needs these. It sees only the
 * fields it needs ({@link RecordFields}), never the record's tree. Fields the streams app binds later are checked there
 * again.
 *
 * <p>Beyond the streams app's checks, as exports need: the event time is {@code eventTime} in any form
 * {@link EventTimes} reads, else {@code @timestamp} ({@link TimeSource}); CloudTrail Insights events are skipped
 * ({@link SkipReason#INSIGHT}). Data events ({@code eventCategory: Data}) are ordinary records with a caller and pass.
 */
final class RecordCheck {

    /** What to do with a record. */
    sealed interface Outcome permits Usable, Skipped, Rejected {
    }

    /** Usable, acting as {@code principal}, at {@code time}, which came from {@code timeSource}. */
    record Usable(Principal principal, Instant time, TimeSource timeSource) implements Outcome {
    }

    /** A valid record passed over on purpose. */
    record Skipped(SkipReason reason) implements Outcome {
    }

    /** Unusable, for {@code reason}: a dead letter. */
    record Rejected(String reason) implements Outcome {
    }

    private static final String INSIGHT = "Insight";

    /** Readers bound once: looking the type up on every record cost a tenth of the check. */
    private static final ObjectReader INSTANT = Json.mapper().readerFor(Instant.class);
    private static final ObjectReader IDENTITY = Json.mapper().readerFor(UserIdentity.class);

    private final Clock clock;
    private final Duration maxFutureSkew;

    RecordCheck(Clock clock, Duration maxFutureSkew) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFutureSkew = Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    }

    Outcome check(RecordFields record) {
        if (!record.object()) {
            return rejected("not a JSON object");
        }
        if (!nonNull(record.eventId()) && !nonNull(record.eventTime()) && !nonNull(record.eventName())) {
            return rejected("not a CloudTrail record: no eventID, eventTime or eventName");
        }
        if (nonNull(record.eventCategory()) && INSIGHT.equals(record.eventCategory().asText())) {
            return new Skipped(SkipReason.INSIGHT);
        }
        if (!nonNull(record.eventId())) {
            return rejected("missing eventID");
        }
        boolean fallback = !nonNull(record.eventTime());
        if (fallback && !nonNull(record.timestamp())) {
            return rejected("missing eventTime");
        }
        if (!nonNull(record.userIdentity())) {
            return rejected("missing userIdentity");
        }
        if (!record.userIdentity().isObject()) {
            return rejected("userIdentity is not an object");
        }
        Timed timed;
        UserIdentity identity;
        try {
            timed = fallback ? new Timed(anyForm(record.timestamp()), TimeSource.TIMESTAMP)
                    : eventTime(record.eventTime());
        } catch (IOException | IllegalArgumentException e) {
            return rejected(CloudTrailRecords.notCloudTrail(fallback ? "@timestamp" : "eventTime", e));
        }
        try {
            identity = IDENTITY.readValue(record.userIdentity());
        } catch (IOException | IllegalArgumentException e) {
            return rejected(CloudTrailRecords.notCloudTrail("userIdentity", e));
        }
        Instant time = timed.time();
        if (time.isBefore(CloudTrailRecords.EARLIEST_PLAUSIBLE)) {
            return rejected("absurd eventTime " + time + ": before CloudTrail existed");
        }
        if (time.isAfter(clock.instant().plus(maxFutureSkew))) {
            return rejected("absurd eventTime " + time + ": in the future");
        }
        JsonNode recipient = record.recipientAccountId();
        return new Usable(Principals.of(identity, nonNull(recipient) ? recipient.asText() : null), time,
                timed.source());
    }

    private record Timed(Instant time, TimeSource source) {
    }

    /**
     * CloudTrail's own form first, the one case worth its own fast path; then any ISO-8601 instant, kept as written;
     * then the forms only exports write, which the record must not keep.
     */
    private static Timed eventTime(JsonNode value) throws IOException {
        Optional<Instant> canonical = value.isTextual() ? CanonicalInstant.parse(value.textValue()) : Optional.empty();
        if (canonical.isPresent()) {
            return new Timed(canonical.get(), TimeSource.EVENT_TIME);
        }
        Instant time = anyForm(value);
        boolean exportedOnly = value.isTextual() && EventTimes.iso(value.textValue()).isEmpty();
        return new Timed(time, exportedOnly ? TimeSource.EVENT_TIME_REWRITTEN : TimeSource.EVENT_TIME);
    }

    /** A time in any form {@link EventTimes} reads, or a number as Jackson reads instants; throws as binding would. */
    private static Instant anyForm(JsonNode value) throws IOException {
        if (value.isTextual() && !value.textValue().isBlank()) {
            Optional<Instant> time = EventTimes.parse(value.textValue());
            if (time.isEmpty()) {
                throw InvalidFormatException.from(null, "not a time RoleTrail reads", value.textValue(),
                        Instant.class);
            }
            return time.get();
        }
        return INSTANT.readValue(value);
    }

    private static Outcome rejected(String reason) {
        return new Rejected(reason);
    }
}
