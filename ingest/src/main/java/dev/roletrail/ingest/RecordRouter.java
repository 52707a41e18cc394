package dev.roletrail.ingest;

import java.time.Clock;
import java.util.Objects;

import dev.roletrail.ingest.read.RecordItem;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.deadletter.DeadLetter;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Decides, per item read, whether it becomes a CloudTrail record (keyed by its principal) or a dead letter. */
final class RecordRouter {

    private final RecordCheck check;
    private final Clock clock;

    RecordRouter(RecordCheck check, Clock clock) {
        this.check = Objects.requireNonNull(check, "check");
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
        RecordCheck.Outcome outcome = check.check(good.json());
        if (outcome.usable()) {
            return new Accepted(outcome.principal().id(), bytes(good));
        }
        return quarantine(source, good.index(), outcome.reason(), good.json().toString());
    }

    Quarantined quarantine(String source, long index, String reason, String payload) {
        return new Quarantined(new DeadLetter(source, index, "ingest", reason, payload, clock.instant()));
    }

    /** The record as the source wrote it; written from the tree only when the source's bytes are unknown. */
    private static byte[] bytes(RecordItem.Good good) {
        if (good.raw() != null) {
            return good.raw();
        }
        try {
            return Json.mapper().writeValueAsBytes(good.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }
}
