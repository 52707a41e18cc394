package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.Objects;

import dev.roletrail.streams.nhi.Trait;

/**
 * A compact fact of use that the findings step needs, cut from an observation (topology key: the entity). Either the
 * entity acted itself ({@code assumption} false: the IAM action, the long-term key, and for a role session the
 * principal that assumed it), or the entity, a role, was assumed ({@code assumption} true: by whom, from which
 * origin, network and client).
 *
 * @param entity      role or user ARN, or the root ARN
 * @param at          event time
 * @param action      the IAM action the call used, or null (a call that authorised nothing, or was denied)
 * @param accessKeyId the long-term key ({@code AKIA...}) the call was signed with, or null
 * @param assumer     who assumed the role: for an assumption the caller, for a role's call its session's assumer
 * @param origin      for an assumption, the origin of the caller's chain
 * @param network     for an assumption, the caller's network
 * @param client      for an assumption, the caller's user-agent family
 * @param observedSince on a watermark only: the earliest event time of any use that upstream task has forwarded, or
 *                      null; every findings task sees every watermark, so each knows since when RoleTrail observes,
 *                      though it sees only its own entities' use
 * @param trait         for the identity inventory, how the entity called: credential, client, network, span of day;
 *                      on a trait signal, or carried by the entity's own use of the same event
 * @param reached       the role the entity's call assumed, or null
 * @param creator       on a creation only (no use: the entity was created, not used): who created the entity
 * <p>
 * A watermark ({@link #watermark(int, Instant, Instant)}) is no use but a promise: the upstream task of that partition
 * has forwarded every signal up to {@code at}, so a findings task can tell when every upstream task has passed a day.
 */
public record UsageSignal(String entity, Instant at, boolean assumption, String action, String accessKeyId,
        String assumer, String origin, String network, String client, Instant observedSince, Trait trait,
        String reached, String creator) {

    public UsageSignal {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(at, "at");
    }

    /** A use. */
    public UsageSignal(String entity, Instant at, boolean assumption, String action, String accessKeyId,
            String assumer, String origin, String network, String client) {
        this(entity, at, assumption, action, accessKeyId, assumer, origin, network, client, null, null, null, null);
    }

    /** How an identity called, for the inventory: the trait, and the role the call assumed, if any. */
    public static UsageSignal trait(String entity, Instant at, Trait trait, String reached) {
        return new UsageSignal(entity, at, false, null, null, null, null, null, null, null, trait, reached, null);
    }

    /** This use, carrying the trait (and the role reached) of a trait signal of the same entity and event. */
    public UsageSignal carrying(UsageSignal traitSignal) {
        return new UsageSignal(entity, at, assumption, action, accessKeyId, assumer, origin, network, client,
                observedSince, traitSignal.trait(), traitSignal.reached(), creator);
    }

    /** Who created a user or role: a fact about it, not a use of it. */
    public static UsageSignal creation(String entity, Instant at, String creator) {
        return new UsageSignal(entity, at, false, null, null, null, null, null, null, null, null, null, creator);
    }

    /** Whether the signal is a use of its entity (a creation is not). */
    public boolean isUse() {
        return creator == null;
    }

    /** NUL cannot start an ARN, so no entity is mistaken for a watermark. */
    private static final String WATERMARK = "\u0000watermark:";

    public static UsageSignal watermark(int upstreamPartition, Instant at, Instant observedSince) {
        return new UsageSignal(WATERMARK + upstreamPartition, at, false, null, null, null, null, null, null,
                observedSince, null, null, null);
    }

    /** Whether this is a watermark rather than a use. */
    public boolean marksTime() {
        return entity.startsWith(WATERMARK);
    }

    /** The upstream partition a watermark comes from. */
    public int upstreamPartition() {
        return Integer.parseInt(entity.substring(WATERMARK.length()));
    }

    /**
     * A 64-bit hash of what makes two signals of one day the same news: everything but the time. Fed field by field,
     * so the usage recorder, which asks it of every signal of every event, builds no string for it.
     */
    long signatureHash() {
        long h = ForwardedSignals.HASH_START;
        h = ForwardedSignals.mix(h, entity);
        h = ForwardedSignals.mix(h, assumption ? 1 : 0);
        h = ForwardedSignals.mix(h, action);
        h = ForwardedSignals.mix(h, accessKeyId);
        h = ForwardedSignals.mix(h, assumer);
        h = ForwardedSignals.mix(h, origin);
        h = ForwardedSignals.mix(h, network);
        h = ForwardedSignals.mix(h, client);
        if (trait == null) {
            h = ForwardedSignals.mix(h, (String) null);
        } else {
            h = ForwardedSignals.mix(h, trait.credential());
            h = ForwardedSignals.mix(h, trait.client());
            h = ForwardedSignals.mix(h, trait.network());
            h = ForwardedSignals.mix(h, trait.span());
        }
        h = ForwardedSignals.mix(h, reached);
        h = ForwardedSignals.mix(h, creator);
        return ForwardedSignals.finish(h);
    }
}
