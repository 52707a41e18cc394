package dev.roletrail.streams.rate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A principal's hourly rate of AssumeRole* calls (store {@code assumption-rates}, key: principal id), in event time:
 * the count of the hour being counted, and an exponentially weighted moving mean and variance of the hours before it.
 * An hour closes into the baseline when a call of a later hour arrives; hours without calls count as zero. A call for
 * an hour already closed is not counted: the baseline does not reopen, so the last calls of an hour delivered after
 * the next hour's first call are lost to it.
 *
 * @param hour        start of the hour being counted (UTC)
 * @param count       calls in that hour so far
 * @param mean        EWMA of the closed hours' counts
 * @param variance    EWMA variance of the closed hours' counts
 * @param closedHours how many hours the baseline holds
 */
public record AssumptionRate(Instant hour, long count, double mean, double variance, long closedHours) {

    /** After this many empty hours in a row the mean and variance are zero in doubles; further ones only count. */
    private static final long MAX_DECAY_STEPS = 2_000;

    public AssumptionRate {
        Objects.requireNonNull(hour, "hour");
    }

    /** No baseline yet, counting the hour of {@code at}. */
    public static AssumptionRate start(Instant at) {
        return new AssumptionRate(hourOf(at), 0, 0, 0, 0);
    }

    public static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * This rate moved on to the hour of {@code at}: the current hour and the empty hours after it closed into the
     * baseline. Unchanged when {@code at} lies in the current hour or an earlier one.
     *
     * @param alpha weight of each new hour in the moving mean and variance
     */
    public AssumptionRate advanceTo(Instant at, double alpha) {
        Instant target = hourOf(at);
        if (!target.isAfter(hour)) {
            return this;
        }
        long emptyHours = Duration.between(hour, target).toHours() - 1;
        AssumptionRate closed = close(count, alpha);
        for (long i = 0; i < Math.min(emptyHours, MAX_DECAY_STEPS); i++) {
            closed = closed.close(0, alpha);
        }
        return new AssumptionRate(target, 0, closed.mean, closed.variance, closedHours + 1 + emptyHours);
    }

    /** This rate with one more call at {@code at}, counted unless its hour is already closed. */
    public AssumptionRate count(Instant at, double alpha) {
        AssumptionRate current = advanceTo(at, alpha);
        if (!hourOf(at).equals(current.hour)) {
            return current;
        }
        return new AssumptionRate(current.hour, current.count + 1, current.mean, current.variance, current.closedHours);
    }

    public double standardDeviation() {
        return Math.sqrt(variance);
    }

    /** One hour with {@code calls} added to the baseline (the first hour seeds the mean; its variance is zero). */
    private AssumptionRate close(long calls, double alpha) {
        if (closedHours == 0) {
            return new AssumptionRate(hour, 0, calls, 0, 1);
        }
        double diff = calls - mean;
        double increment = alpha * diff;
        return new AssumptionRate(hour, 0, mean + increment, (1 - alpha) * (variance + diff * increment),
                closedHours + 1);
    }
}
