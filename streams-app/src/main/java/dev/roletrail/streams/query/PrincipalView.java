package dev.roletrail.streams.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.roletrail.streams.identity.AccessEdge;
import dev.roletrail.streams.identity.PrincipalProfile;
import dev.roletrail.streams.keys.KeyUsage;

/**
 * A principal's profile as the query API shows it.
 *
 * @param roles    the roles it assumed (its access paths)
 * @param keys     the long-term access keys it signs with
 * @param networks the networks its keys were used from (roles have none: their sessions' networks are not kept
 *                 per principal)
 * @param lastUse  its latest event
 */
public record PrincipalView(PrincipalProfile profile, List<AccessEdge> roles, List<KeyUsage> keys,
        List<String> networks, Instant lastUse) {

    public PrincipalView {
        Objects.requireNonNull(profile, "profile");
        roles = List.copyOf(roles);
        keys = List.copyOf(keys);
        networks = List.copyOf(networks);
    }
}
