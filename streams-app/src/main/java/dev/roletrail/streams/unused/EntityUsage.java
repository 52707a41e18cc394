package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Observed use of one role, user or root, as the findings read it ({@link UsageRows} stores it as one row per item);
 * each map holds item → latest use, bounded (past its cap the least recent item is forgotten). Times are event times.
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
}
