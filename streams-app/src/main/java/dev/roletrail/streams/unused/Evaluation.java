package dev.roletrail.streams.unused;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation of the findings: at stream time {@code at} (a day boundary), over the tracking period before it.
 *
 * @param observedSince the earliest event time the findings step has seen, or null: per-action and per-assumer
 *                      findings need RoleTrail's own observations to cover the whole period, unlike role, user and
 *                      key findings, which also read IAM's last-used dates from the inventory
 */
public record Evaluation(Instant at, FindingsSettings settings, Instant observedSince) {

    public Evaluation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(settings, "settings");
    }

    public Instant periodStart() {
        return at.minus(settings.trackingPeriod());
    }

    /** Whether RoleTrail's observations reach back to the start of the period. */
    public boolean coversPeriod() {
        return observedSince != null && !observedSince.isAfter(periodStart());
    }

    /** Entities younger than the period get no "unused" finding; an unknown creation date counts as young. */
    public boolean olderThanPeriod(Instant created) {
        return created != null && !created.isAfter(periodStart());
    }

    public boolean usedSince(Instant lastUsed, Instant since) {
        return lastUsed != null && !lastUsed.isBefore(since);
    }

    /**
     * Every span a finding measures back from {@link #at()} to compare an instant with (none: a direct comparison).
     * A finding that measures by another span must add it here, or {@link Horizon} would miss when it turns and a
     * findings pass would skip an entity whose findings changed.
     */
    List<Duration> spans() {
        return List.of(Duration.ZERO, settings.trackingPeriod(), settings.dormancy(), settings.keyRotationLimit());
    }

    public long periodDays() {
        return settings.trackingPeriod().toDays();
    }

    static String day(Instant at) {
        return at == null ? "never" : LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
