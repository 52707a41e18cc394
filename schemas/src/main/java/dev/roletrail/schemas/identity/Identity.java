package dev.roletrail.schemas.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One identity of the inventory (PRODUCT.md §6a; topic {@code roletrail.identities}, compacted, key: the id): an IAM
 * user, root, role, access key, federated subject or external account, granted in the IAM inventory or seen in the
 * trail, with who is behind it and who owns it. Times are event times.
 *
 * @param id             see {@link IdentityType}: an ARN, an access key id, a federated subject as RoleTrail names
 *                       the principal ({@code web-identity:<provider>/<subject>}, {@code saml:<provider>/<user>},
 *                       {@code identity-center:...}) or {@code account:<id>}
 * @param parent         what it belongs to: an access key's user, a federated subject's role; else null
 * @param kind           who is behind it, inferred from its use
 * @param evidence       why that kind, one short fact per line
 * @param owner          who answers for it, or null
 * @param ownerSource    where the owner comes from: {@code tag:<key>} (an IAM tag) or {@code creator} (the principal
 *                       that created it, seen in the trail); null without an owner
 * @param ownerGone      why the owner counts as gone (an inactive IAM user, or no IAM user at all), or null while
 *                       the owner stands (or there is none)
 * @param created        when IAM created it (users, roles, keys), or null when not known
 * @param lastRotated    a user's or key's latest key rotation, or a password's latest change, or null
 * @param networks       how many networks its calls came from
 * @param clients        how many user-agent families it called with
 * @param reachableRoles roles whose trust policy lets it in (sorted)
 * @param reachedRoles   roles it did assume (sorted)
 * @param evaluatedAt    the stream time this view was computed at
 */
public record Identity(
        String id,
        IdentityType type,
        String account,
        String parent,
        IdentityKind kind,
        List<String> evidence,
        String owner,
        String ownerSource,
        String ownerGone,
        CredentialKind credential,
        Instant created,
        Instant firstUsed,
        Instant lastUsed,
        Instant lastRotated,
        int networks,
        int clients,
        List<String> reachableRoles,
        List<String> reachedRoles,
        Instant evaluatedAt) {

    public Identity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        reachableRoles = reachableRoles == null ? List.of() : List.copyOf(reachableRoles);
        reachedRoles = reachedRoles == null ? List.of() : List.copyOf(reachedRoles);
    }

    /**
     * The id of an OIDC (web identity) subject's identity, as RoleTrail names the principal:
     * {@code web-identity:<provider>/<subject>}. SAML subjects read {@code saml:<provider>/<user>}.
     */
    public static String federatedId(String provider, String subject) {
        return "web-identity:" + provider + "/" + subject;
    }

    /** The id of a SAML subject's identity, as RoleTrail names the principal: {@code saml:<provider>/<user>}. */
    public static String samlId(String provider, String user) {
        return "saml:" + provider + "/" + user;
    }

    /** This view as evaluated at another time: two views that differ only in that say the same thing. */
    public Identity evaluatedAt(Instant at) {
        return new Identity(id, type, account, parent, kind, evidence, owner, ownerSource, ownerGone, credential,
                created, firstUsed, lastUsed, lastRotated, networks, clients, reachableRoles, reachedRoles, at);
    }

    /** The id of an external account's identity: {@code account:<id>}. */
    public static String externalAccountId(String accountId) {
        return "account:" + accountId;
    }
}
