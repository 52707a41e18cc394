package dev.roletrail.local;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.simulator.SimulationSpec;
import picocli.CommandLine.Option;

/** The size of a simulated organisation, shared by {@code simulate} and {@code evaluate}; unset flags keep the defaults. */
final class SimulationOptions {

    @Option(names = "--seed", description = "Seed: the same seed gives the same bytes (default 7).")
    Long seed;

    @Option(names = "--small", description = "Start from the small organisation of the demo instead of the default one.")
    boolean small;

    @Option(names = "--scale", description = "Start from the scale organisation instead of the default one: 1,000 "
            + "users, 90 days, about 1.1 million benign events.")
    boolean scale;

    @Option(names = "--accounts", description = "Organisation accounts (default 3; small 2; scale 3).")
    Integer accounts;

    @Option(names = "--users", description = "IAM users with long-term keys (default 24; small 10; scale 1000).")
    Integer users;

    @Option(names = "--days", description = "Days of benign traffic, at least 21 (default 35; small 22; scale 90).")
    Integer days;

    @Option(names = "--events-per-day", description = "Roughly how many benign events a day (default 2000; small 100; "
            + "scale 15000).")
    Integer eventsPerDay;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "First day of traffic (default 2026-09-01).")
    String start;

    SimulationSpec spec() {
        long s = seed == null ? 7 : seed;
        if (small && scale) {
            throw new InvalidConfigException("--small and --scale: choose one organisation to start from");
        }
        SimulationSpec base = small ? SimulationSpec.small(s)
                : scale ? SimulationSpec.scale(s) : SimulationSpec.defaults(s);
        try {
            return new SimulationSpec(s, or(accounts, base.accounts()), or(users, base.users()), or(days, base.days()),
                    or(eventsPerDay, base.eventsPerDay()),
                    start == null ? base.start() : LocalDate.parse(start).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidConfigException("invalid simulation: " + e.getMessage());
        }
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
