package dev.roletrail.streams.unused;

import java.time.Duration;
import java.util.Objects;

import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.detect.KnownAccounts;
import dev.roletrail.streams.detect.SensitiveRoles;
import dev.roletrail.streams.nhi.IdentitySettings;

/**
 * Parameters of the findings over the tracking period ({@code findings.*}).
 *
 * @param trackingPeriod        access unused for this long is reported (1–365 days)
 * @param keyRotationLimit      an active access key older than this is overdue for rotation
 * @param dormancy              an active access key unused this long is dormant
 * @param sharedRoleMinAssumers a role assumed from this many distinct origins in the period is shared
 * @param sharedRoleMinNetworks ... or from this many distinct networks
 * @param sharedRoleMinClients  ... or with this many distinct client families
 * @param evaluationChunk       a findings task evaluates at most this many entities per call (a chunk), so no
 *                              transaction stays open long however large the inventory
 * @param partitions            partitions of {@code usage-signals}, i.e. findings tasks; 0: as many as the input
 *                              topic has, read from the broker when the app starts
 * @param sensitiveRoles        the sensitive and break-glass roles, by the {@code sensitive-role-assumed} patterns
 * @param identities            the identity inventory's settings ({@code identities.*})
 * @param accounts              the organisation's accounts, to tell an external account
 */
public record FindingsSettings(Duration trackingPeriod, Duration keyRotationLimit, Duration dormancy,
        int sharedRoleMinAssumers, int sharedRoleMinNetworks, int sharedRoleMinClients, int evaluationChunk,
        int partitions, SensitiveRoles sensitiveRoles, IdentitySettings identities, KnownAccounts accounts) {

    /** Entities per chunk: a few hundred milliseconds of evaluation at most (docs/findings.md has the measurement). */
    public static final int DEFAULT_EVALUATION_CHUNK = 1000;

    private static final Duration DAY = Duration.ofDays(1);

    public FindingsSettings {
        Objects.requireNonNull(sensitiveRoles, "sensitiveRoles");
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(accounts, "accounts");
        if (trackingPeriod.compareTo(DAY) < 0 || trackingPeriod.compareTo(Duration.ofDays(365)) > 0) {
            throw new InvalidConfigException("findings.tracking-period must be between 1 and 365 days, was "
                    + trackingPeriod.toDays() + " days");
        }
        if (evaluationChunk < 1 || partitions < 0) {
            throw new InvalidConfigException("findings.evaluation-chunk must be positive and findings.partitions at "
                    + "least 0, were " + evaluationChunk + " and " + partitions);
        }
    }

    public static FindingsSettings defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    /** The dormancy defaults to the dormant-credential-reactivated detector's, so a key is dormant by one rule. */
    public static FindingsSettings from(Settings settings) {
        Duration detectorDormancy = settings.duration("detector.dormant-credential-reactivated.dormancy",
                Duration.ofDays(90), DAY, Duration.ofDays(3650));
        return new FindingsSettings(
                settings.duration("findings.tracking-period", Duration.ofDays(90), DAY, Duration.ofDays(365)),
                settings.duration("findings.key-rotation-limit", Duration.ofDays(90), DAY, Duration.ofDays(3650)),
                settings.duration("findings.dormancy", detectorDormancy, DAY, Duration.ofDays(3650)),
                settings.integer("findings.shared-role.min-assumers", 5, 2, 10_000),
                settings.integer("findings.shared-role.min-networks", 10, 2, 10_000),
                settings.integer("findings.shared-role.min-clients", 5, 2, 1_000),
                settings.integer("findings.evaluation-chunk", DEFAULT_EVALUATION_CHUNK, 1, 1_000_000),
                settings.integer("findings.partitions", 0, 0, 10_000),
                SensitiveRoles.from(settings), IdentitySettings.from(settings), KnownAccounts.from(settings));
    }

    /** These settings with the partition count resolved (what {@code findings.partitions} 0 stands for). */
    public FindingsSettings withPartitions(int resolved) {
        return new FindingsSettings(trackingPeriod, keyRotationLimit, dormancy, sharedRoleMinAssumers,
                sharedRoleMinNetworks, sharedRoleMinClients, evaluationChunk, resolved, sensitiveRoles, identities,
                accounts);
    }

    /**
     * Partitions of {@code usage-signals}: the resolved count, or 1 when nothing resolved it (a TopologyTestDriver,
     * which has one partition per topic; the app resolves 0 before it builds the topology).
     */
    public int partitionsOrOne() {
        return partitions == 0 ? 1 : partitions;
    }
}
