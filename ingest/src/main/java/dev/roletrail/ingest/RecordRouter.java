package dev.roletrail.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.roletrail.ingest.read.RecordItem;
import dev.roletrail.schemas.Reasons;
import dev.roletrail.schemas.deadletter.DeadLetter;

/**
 * Decides, per item read, whether it becomes a CloudTrail record (keyed by its principal), is passed over on purpose,
 * or becomes a dead letter. A record whose time is not in ISO-8601 form (or came from {@code @timestamp}) is produced
 * with {@code eventTime} rewritten ({@link TimeSource}); every other record as the source holds it.
 */
final class RecordRouter {

    private final RecordCheck check;
    private final Clock clock;

    RecordRouter(RecordCheck check, Clock clock) {
        this.check = Objects.requireNonNull(check, "check");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    sealed interface Routed permits Accepted, Skipped, Quarantined {
    }

    /**
     * @param principal  the acting principal id, the record's key
     * @param eventTime  the record's event time, as {@code eventTime} holds it once written
     * @param timeSource where the record's time came from (rewritten into {@code eventTime} unless it was there)
     */
    record Accepted(String principal, byte[] json, Instant eventTime, TimeSource timeSource) implements Routed {
    }

    record Skipped(SkipReason reason) implements Routed {
    }

    record Quarantined(DeadLetter letter) implements Routed {
    }

    Routed route(String source, RecordItem item) {
        if (item instanceof RecordItem.Bad bad) {
            return quarantine(source, bad.index(), bad.reason(), bad.payload());
        }
        RecordItem.Good good = (RecordItem.Good) item;
        RecordCheck.Outcome outcome = check.check(good.fields());
        if (outcome instanceof RecordCheck.Usable usable) {
            return accept(source, good, usable);
        }
        if (outcome instanceof RecordCheck.Skipped skipped) {
            return new Skipped(skipped.reason());
        }
        return quarantine(source, good.index(), ((RecordCheck.Rejected) outcome).reason(), text(good));
    }

    private Routed accept(String source, RecordItem.Good good, RecordCheck.Usable usable) {
        if (!usable.timeSource().rewrites()) {
            return new Accepted(usable.principal().id(), good.raw(), usable.time(), usable.timeSource());
        }
        try {
            return new Accepted(usable.principal().id(), EventTimeRewrite.apply(good.raw(), usable.time()),
                    usable.time(), usable.timeSource());
        } catch (JsonProcessingException e) {
            return quarantine(source, good.index(), Reasons.invalidJson(e), text(good));
        } catch (IOException e) {
            return quarantine(source, good.index(), "invalid JSON", text(good));
        }
    }

    Quarantined quarantine(String source, long index, String reason, String payload) {
        return new Quarantined(new DeadLetter(source, index, "ingest", reason, payload, clock.instant()));
    }

    private static String text(RecordItem.Good good) {
        return new String(good.raw(), StandardCharsets.UTF_8);
    }
}
