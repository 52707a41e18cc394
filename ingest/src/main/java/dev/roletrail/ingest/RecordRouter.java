package dev.roletrail.ingest;

import java.time.Clock;
import java.util.Objects;

import dev.roletrail.ingest.read.RecordItem;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords.Parsed;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords.Rejected;
import dev.roletrail.schemas.cloudtrail.Principals;
import dev.roletrail.schemas.deadletter.DeadLetter;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Decides, per item read, whether it becomes a CloudTrail record (keyed by its principal) or a dead letter. */
final class RecordRouter {

    private final CloudTrailRecords records;
    private final Clock clock;

    RecordRouter(CloudTrailRecords records, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    sealed interface Routed permits Accepted, Quarantined {
    }

    /** @param principal the acting principal id, the record's key */
    record Accepted(String principal, byte[] json) implements Routed {
    }

    record Quarantined(DeadLetter letter) implements Routed {
    }

    Routed route(String source, RecordItem item) {
        if (item instanceof RecordItem.Bad bad) {
            return quarantine(source, bad.index(), bad.reason(), bad.payload());
        }
        RecordItem.Good good = (RecordItem.Good) item;
        CloudTrailRecords.Result result = records.check(good.json());
        if (result instanceof Parsed parsed) {
            return new Accepted(Principals.of(parsed.record()).id(), bytes(good));
        }
        return quarantine(source, good.index(), ((Rejected) result).reason(), good.json().toString());
    }

    Quarantined quarantine(String source, long index, String reason, String payload) {
        return new Quarantined(new DeadLetter(source, index, "ingest", reason, payload, clock.instant()));
    }

    private static byte[] bytes(RecordItem.Good good) {
        try {
            return Json.mapper().writeValueAsBytes(good.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }
}
