package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Observed use of one role, user or root (store {@code findings-usage}, key: the entity ARN); each map holds item →
 * latest use, bounded (past its cap the least recent item is forgotten). Times are event times.
 *
 * @param lastActive  latest call made by the entity or assumption of it
 * @param actions     IAM actions the entity's calls used
 * @param keys        long-term access keys it signed with
 * @param assumers    principals that assumed it (roles only)
 * @param origins     origins of the chains that assumed it
 * @param networks    networks it was assumed from
 * @param clients     user-agent families it was assumed with
 */
public record EntityUsage(String entity, Instant lastActive, Map<String, Instant> actions,
        Map<String, Instant> keys, Map<String, Instant> assumers, Map<String, Instant> origins,
        Map<String, Instant> networks, Map<String, Instant> clients) {

    static final int MAX_ACTIONS = 1000;
    static final int MAX_KEYS = 8;
    static final int MAX_ASSUMERS = 500;
    static final int MAX_CLIENTS = 100;

    public EntityUsage {
        Objects.requireNonNull(entity, "entity");
        actions = RecentItems.copy(actions);
        keys = RecentItems.copy(keys);
        assumers = RecentItems.copy(assumers);
        origins = RecentItems.copy(origins);
        networks = RecentItems.copy(networks);
        clients = RecentItems.copy(clients);
    }

    public static EntityUsage none(String entity) {
        return new EntityUsage(entity, null, null, null, null, null, null, null);
    }

    /** This usage with the signal's use added; the same instance when the signal adds nothing new. */
    public EntityUsage with(UsageSignal signal) {
        Instant at = signal.at();
        EntityUsage next;
        if (signal.assumption()) {
            next = new EntityUsage(entity, RecentItems.latest(lastActive, at), actions, keys,
                    RecentItems.with(assumers, signal.assumer(), at, MAX_ASSUMERS),
                    RecentItems.with(origins, signal.origin(), at, MAX_ASSUMERS),
                    RecentItems.with(networks, signal.network(), at, MAX_ASSUMERS),
                    RecentItems.with(clients, signal.client(), at, MAX_CLIENTS));
        } else {
            next = new EntityUsage(entity, RecentItems.latest(lastActive, at),
                    RecentItems.with(actions, signal.action(), at, MAX_ACTIONS),
                    RecentItems.with(keys, signal.accessKeyId(), at, MAX_KEYS), assumers, origins, networks, clients);
        }
        return next.sharesEverythingWith(this) ? this : next;
    }

    /** The items held, a measure of the heap a decoded value takes. */
    public int size() {
        return 1 + actions.size() + keys.size() + assumers.size() + origins.size() + networks.size() + clients.size();
    }

    /** Whether the two hold the very same maps (no item changed) and the same latest activity. */
    private boolean sharesEverythingWith(EntityUsage other) {
        return Objects.equals(lastActive, other.lastActive) && actions == other.actions && keys == other.keys
                && assumers == other.assumers && origins == other.origins && networks == other.networks
                && clients == other.clients;
    }
}
