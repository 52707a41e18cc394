package dev.roletrail.streams.profile;

import java.time.Instant;
import java.util.Objects;

import dev.roletrail.streams.identity.RoleAssumption;

/**
 * An observed access path, assumer → role (store {@code access-edges}, key: {@link #key(String, String)}).
 *
 * @param how          the STS call that crossed it: AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity
 * @param crossAccount whether the role lives in another account than the assumer
 */
public record AccessEdge(String assumer, String role, String how, boolean crossAccount, Instant firstUsed,
        Instant lastUsed, long uses) {

    public AccessEdge {
        Objects.requireNonNull(assumer, "assumer");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(firstUsed, "firstUsed");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }

    /** Keys start with the assumer, so all edges of one principal sit together in the store. */
    public static String key(String assumer, String role) {
        return assumer + "\u0000" + role;
    }

    public static AccessEdge first(RoleAssumption assumption) {
        return new AccessEdge(assumption.assumer().id(), assumption.roleArn(), assumption.how(),
                assumption.crossAccount(), assumption.at(), assumption.at(), 1);
    }

    public AccessEdge use(Instant at) {
        return new AccessEdge(assumer, role, how, crossAccount, PrincipalProfile.min(firstUsed, at),
                PrincipalProfile.max(lastUsed, at), uses + 1);
    }
}
