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

import dev.roletrail.ingest.read.RecordFields;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.cloudtrail.CanonicalInstant;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.Principals;
import dev.roletrail.schemas.cloudtrail.UserIdentity;

/**
 * The checks of {@link CloudTrailRecords} that decide whether a record is usable (a JSON object with an eventID, a
 * plausible eventTime and a userIdentity object), with the same reasons, and the acting principal, without binding the
 * whole record: binding every field cost three times the parse, and ingest only needs these. It sees only the
 * fields it needs ({@link RecordFields}), never the record's tree. Fields the streams app binds later are checked there
 * again.
 */
final class RecordCheck {

    /** Usable, acting as {@code principal}; or rejected for {@code reason}. */
    record Outcome(Principal principal, String reason) {
        boolean usable() {
            return principal != null;
        }
    }

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
        if (!nonNull(record.eventId())) {
            return rejected("missing eventID");
        }
        if (!nonNull(record.eventTime())) {
            return rejected("missing eventTime");
        }
        if (!nonNull(record.userIdentity())) {
            return rejected("missing userIdentity");
        }
        if (!record.userIdentity().isObject()) {
            return rejected("userIdentity is not an object");
        }
        Instant time;
        UserIdentity identity;
        try {
            time = eventTime(record.eventTime());
        } catch (IOException | IllegalArgumentException e) {
            return rejected(CloudTrailRecords.notCloudTrail("eventTime", e));
        }
        try {
            identity = IDENTITY.readValue(record.userIdentity());
        } catch (IOException | IllegalArgumentException e) {
            return rejected(CloudTrailRecords.notCloudTrail("userIdentity", e));
        }
        if (time.isBefore(CloudTrailRecords.EARLIEST_PLAUSIBLE)) {
            return rejected("absurd eventTime " + time + ": before CloudTrail existed");
        }
        if (time.isAfter(clock.instant().plus(maxFutureSkew))) {
            return rejected("absurd eventTime " + time + ": in the future");
        }
        JsonNode recipient = record.recipientAccountId();
        return new Outcome(Principals.of(identity, nonNull(recipient) ? recipient.asText() : null), null);
    }

    private static Instant eventTime(JsonNode value) throws IOException {
        Optional<Instant> canonical = value.isTextual() ? CanonicalInstant.parse(value.textValue()) : Optional.empty();
        return canonical.isPresent() ? canonical.get() : INSTANT.readValue(value);
    }

    private static Outcome rejected(String reason) {
        return new Outcome(null, reason);
    }
}
