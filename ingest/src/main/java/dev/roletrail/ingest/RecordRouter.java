package dev.roletrail.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

import dev.roletrail.ingest.read.RecordItem;
import dev.roletrail.schemas.deadletter.DeadLetter;

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
        RecordCheck.Outcome outcome = check.check(good.fields());
        if (outcome.usable()) {
            return new Accepted(outcome.principal().id(), good.raw());
        }
        return quarantine(source, good.index(), outcome.reason(), new String(good.raw(), StandardCharsets.UTF_8));
    }

    Quarantined quarantine(String source, long index, String reason, String payload) {
        return new Quarantined(new DeadLetter(source, index, "ingest", reason, payload, clock.instant()));
    }
}
