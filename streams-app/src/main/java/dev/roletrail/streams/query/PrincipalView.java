package dev.roletrail.streams.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.roletrail.streams.keys.KeyUsage;
import dev.roletrail.streams.profile.AccessEdge;
import dev.roletrail.streams.profile.PrincipalProfile;

/**
 * A principal's profile as the query API shows it.
 *
 * @param profile  its profile, with the user-agent families, networks and temporary keys its calls were seen with
 *                 (for a role: its sessions')
 * @param roles    the roles it assumed (its access paths)
 * @param keys     the long-term access keys it signs with
 * @param networks every network it was seen from: its profile's and its long-term keys'
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
