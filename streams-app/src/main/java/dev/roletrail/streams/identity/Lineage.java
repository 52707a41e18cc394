package dev.roletrail.streams.identity;

import java.util.List;
import java.util.Objects;

import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.identity.Session;

/**
 * Who is really behind an event: the origin of its session chain and the chain itself.
 *
 * @param origin         the IAM user, SAML / OIDC subject, AWS service, external account or root that started it
 * @param chain          principal ids from the origin to the acting principal, in order
 * @param sourceIdentity the sts source identity carried along the chain, or null
 * @param session        the session the event was signed in, or null when the event used long-term credentials or
 *                       its session began before the data RoleTrail has seen
 */
public record Lineage(String origin, List<String> chain, String sourceIdentity, Session session) {

    public Lineage {
        Objects.requireNonNull(origin, "origin");
        chain = List.copyOf(chain);
    }

    /** An event whose principal acted on its own: it is its own origin. */
    public static Lineage direct(Principal principal, String sourceIdentity) {
        return new Lineage(principal.id(), List.of(principal.id()), sourceIdentity, null);
    }

    public static Lineage of(Session session) {
        return new Lineage(session.origin(), session.chain(), session.sourceIdentity(), session);
    }

    /** Whether the chain is known back to a real origin (not a session that began before the data). */
    public boolean sessionKnown() {
        return session != null;
    }

    /** How many role hops lie between the origin and the acting principal. */
    public int depth() {
        return chain.size() - 1;
    }
}
