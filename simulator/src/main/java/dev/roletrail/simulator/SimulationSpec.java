package dev.roletrail.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to simulate: the organisation's size and how long and busy its traffic is. Event time starts at {@code start}
 * (a fixed date, never the wall clock, so a seed always gives the same bytes).
 *
 * @param seed         seeds every random choice
 * @param accounts     organisation accounts
 * @param users        IAM users with long-term keys, across the accounts
 * @param days         days of benign traffic; the attacks fall in the last days, after the learning period
 * @param eventsPerDay roughly how many benign events a day (filler read-only calls make up the difference)
 * @param start        the first day of benign traffic (UTC midnight)
 */
public record SimulationSpec(long seed, int accounts, int users, int days, int eventsPerDay, Instant start) {

    /** Detectors learn for 14 days and the attacks need a few more: fewer days cannot show the first-seen ones. */
    public static final int MIN_DAYS = 21;
    public static final Instant DEFAULT_START = Instant.parse("2026-09-01T00:00:00Z");

    public SimulationSpec {
        Objects.requireNonNull(start, "start");
        requireAtLeast("accounts", accounts, 2);
        requireAtLeast("users", users, 6);
        requireAtLeast("days", days, MIN_DAYS);
        requireAtLeast("events-per-day", eventsPerDay, 1);
        if (!start.equals(start.truncatedTo(ChronoUnit.DAYS))) {
            throw new IllegalArgumentException("start must be a UTC midnight, was " + start);
        }
    }

    /** The default organisation, the one the detection-quality table in docs/detection-quality.md is measured on. */
    public static SimulationSpec defaults(long seed) {
        return new SimulationSpec(seed, 3, 24, 35, 2_000, DEFAULT_START);
    }

    /** A small organisation: a few weeks, a few thousand events, every scenario included (demo and tests). */
    public static SimulationSpec small(long seed) {
        return new SimulationSpec(seed, 2, 10, 22, 100, DEFAULT_START);
    }

    /**
     * The scale evaluation's organisation: a thousand users over 90 days, over a million benign events, so one false
     * alarm is a fraction of one per million; sized to be evaluated in under 30 minutes on a 2-core machine.
     */
    public static SimulationSpec scale(long seed) {
        return new SimulationSpec(seed, 3, 1_000, 90, 15_000, DEFAULT_START);
    }

    public SimulationSpec withSeed(long newSeed) {
        return new SimulationSpec(newSeed, accounts, users, days, eventsPerDay, start);
    }

    public Instant end() {
        return start.plus(Duration.ofDays(days));
    }

    /** The day the attacks begin: a few days before the end, so benign traffic follows them. */
    public Instant attackDay() {
        return start.plus(Duration.ofDays(days - 4L));
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }
}
