package dev.roletrail.streams.profile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.profile.SeenValues.Seen;

/**
 * What RoleTrail knows of one principal (store {@code principal-profiles}, key: principal id). Times are event
 * times; records may arrive out of order, so first and last are a min and a max, not the first and last seen.
 *
 * @param userAgents     user-agent families it called with (at most {@value #MAX_USER_AGENTS}, the most recent)
 * @param networks       networks its calls came from, an AWS service name for calls made through one; for a role,
 *                       its sessions' networks (at most {@value #MAX_NETWORKS}, the most recent)
 * @param temporaryKeys  the temporary (ASIA) keys it signed with: for a role, its sessions' keys (at most
 *                       {@value #MAX_TEMPORARY_KEYS}, the most recent)
 */
public record PrincipalProfile(String principal, PrincipalType type, String account, Instant firstSeen,
        Instant lastSeen, long events, List<Seen> userAgents, List<Seen> networks, List<Seen> temporaryKeys) {

    static final int MAX_USER_AGENTS = 8;
    static final int MAX_NETWORKS = 16;
    static final int MAX_TEMPORARY_KEYS = 10;

    public PrincipalProfile {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        // Null when read from a store written before these were kept.
        userAgents = userAgents == null ? List.of() : List.copyOf(userAgents);
        networks = networks == null ? List.of() : List.copyOf(networks);
        temporaryKeys = temporaryKeys == null ? List.of() : List.copyOf(temporaryKeys);
    }

    /** A profile without what its calls were seen with. */
    public PrincipalProfile(String principal, PrincipalType type, String account, Instant firstSeen, Instant lastSeen,
            long events) {
        this(principal, type, account, firstSeen, lastSeen, events, List.of(), List.of(), List.of());
    }

    public static PrincipalProfile first(Observation observation) {
        Instant at = observation.event().eventTime();
        return new PrincipalProfile(observation.principal().id(), observation.principal().type(),
                observation.principal().accountId(), at, at, 0).observe(observation);
    }

    /**
     * What dormancy needs of a principal unseen for the entity retention: when it was first and last seen and how
     * much, without the lists of what it used.
     */
    public PrincipalProfile reduced() {
        return new PrincipalProfile(principal, type, account, firstSeen, lastSeen, events, List.of(), List.of(),
                List.of());
    }

    /** Whether this profile holds no lists (reduced, or never given any). */
    public boolean isReduced() {
        return userAgents.isEmpty() && networks.isEmpty() && temporaryKeys.isEmpty();
    }

    public PrincipalProfile observe(Observation observation) {
        Instant at = observation.event().eventTime();
        return new PrincipalProfile(principal, type, account, min(firstSeen, at), max(lastSeen, at), events + 1,
                SeenValues.with(userAgents, observation.userAgentFamily(), at, MAX_USER_AGENTS),
                SeenValues.with(networks, observation.network(), at, MAX_NETWORKS),
                SeenValues.with(temporaryKeys, observation.temporaryKey() ? observation.accessKeyId() : null, at,
                        MAX_TEMPORARY_KEYS));
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
