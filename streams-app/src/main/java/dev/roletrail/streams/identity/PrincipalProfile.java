package dev.roletrail.streams.identity;

import java.time.Instant;
import java.util.Objects;

import dev.roletrail.schemas.cloudtrail.PrincipalType;

/**
 * What RoleTrail knows of one principal (store {@code principal-profiles}, key: principal id). Times are event
 * times; records may arrive out of order, so first and last are a min and a max, not the first and last seen.
 */
public record PrincipalProfile(String principal, PrincipalType type, String account, Instant firstSeen,
        Instant lastSeen, long events) {

    public PrincipalProfile {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    public static PrincipalProfile first(String principal, PrincipalType type, String account, Instant at) {
        return new PrincipalProfile(principal, type, account, at, at, 1);
    }

    public PrincipalProfile observe(Instant at) {
        return new PrincipalProfile(principal, type, account, min(firstSeen, at), max(lastSeen, at), events + 1);
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
