package dev.roletrail.streams.profile;

import java.time.Instant;
import java.util.Objects;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.cloudtrail.Principal;

/**
 * A principal seen assuming a role, sent to the role's task (keyed by role ARN) so that a role's assumers are known in
 * one place: on the edge's first crossing, and again on its first crossing in each later stretch of a quarter of the
 * peer window, so that an assumer who keeps assuming the role stays a peer.
 *
 * @param peerGroup       the assumer's peers: {@link #peerGroup(Principal)}, null when it has none
 * @param candidate       the {@code first-time-assumption} alert the assumer's task raised, or null
 * @param peersMayExplain whether enough peers assuming the role make the candidate expected (not for a sensitive role,
 *                        nor for an assumption the role's trust policy snapshot does not name)
 */
public record AssumerReport(String role, String assumer, String peerGroup, Instant at, Alert candidate,
        boolean peersMayExplain) {

    public AssumerReport {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(assumer, "assumer");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Principals of one account and one kind (IAM users, role sessions, …) are each other's peers: the people of an
     * account use the same roles, and so do the roles that chain into others. Null when the account is unknown.
     */
    public static String peerGroup(Principal principal) {
        return principal.accountId() == null ? null : principal.accountId() + "/" + principal.type();
    }
}
