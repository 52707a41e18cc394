package dev.roletrail.simulator.truth;

import java.time.Duration;

/**
 * RoleTrail's findings settings the truth is computed for (their defaults: {@code findings.*} in the README).
 *
 * @param minOrigins  a role assumed from this many origins in the period is shared, or ...
 * @param minNetworks ... from this many /24 networks, or ...
 * @param minClients  ... with this many client tools
 */
public record TruthSettings(Duration trackingPeriod, Duration dormancy, Duration rotationLimit, int minOrigins,
        int minNetworks, int minClients) {

    public static TruthSettings defaults() {
        return new TruthSettings(Duration.ofDays(90), Duration.ofDays(90), Duration.ofDays(90), 5, 10, 5);
    }
}
