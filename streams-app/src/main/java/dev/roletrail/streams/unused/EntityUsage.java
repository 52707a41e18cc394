package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.roletrail.streams.nhi.Trait;

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
 * @param traits      how it called ({@link Trait#encode()}), for the identity inventory
 * @param reached     roles it assumed
 * @param creators    who created it, seen in the trail (a creation is no use: it may be all there is)
 * @param firstActive earliest call made by the entity or assumption of it
 */
public record EntityUsage(String entity, Instant lastActive, Map<String, Instant> actions,
        Map<String, Instant> keys, Map<String, Instant> assumers, Map<String, Instant> origins,
        Map<String, Instant> networks, Map<String, Instant> clients, Map<String, Instant> traits,
        Map<String, Instant> reached, Map<String, Instant> creators, Instant firstActive) {

    static final int MAX_ACTIONS = 1000;
    static final int MAX_KEYS = 8;
    static final int MAX_ASSUMERS = 500;
    static final int MAX_CLIENTS = 100;
    /** Six spans a day, a few clients and networks per credential: a busy workload's month fits. */
    static final int MAX_TRAITS = 256;
    static final int MAX_CREATORS = 4;

    public EntityUsage {
        Objects.requireNonNull(entity, "entity");
        actions = RecentItems.copy(actions);
        keys = RecentItems.copy(keys);
        assumers = RecentItems.copy(assumers);
        origins = RecentItems.copy(origins);
        networks = RecentItems.copy(networks);
        clients = RecentItems.copy(clients);
        traits = RecentItems.copy(traits);
        reached = RecentItems.copy(reached);
        creators = RecentItems.copy(creators);
    }

    /** Usage recorded before the inventory's facts were kept. */
    public EntityUsage(String entity, Instant lastActive, Map<String, Instant> actions, Map<String, Instant> keys,
            Map<String, Instant> assumers, Map<String, Instant> origins, Map<String, Instant> networks,
            Map<String, Instant> clients) {
        this(entity, lastActive, actions, keys, assumers, origins, networks, clients, null, null, null, null);
    }

    /**
     * Every trait of its calls kept (the most recent {@value #MAX_TRAITS}), decoded, with its latest use, in the rows'
     * order: who is behind an identity does not change while it is idle, so its kind reads them all, not only the
     * tracking period's.
     */
    public Map<Trait, Instant> decodedTraits() {
        Map<Trait, Instant> decoded = new LinkedHashMap<>();
        traits.forEach((item, last) -> {
            Trait trait = Trait.decode(item);
            if (trait != null) {
                decoded.put(trait, last);
            }
        });
        return decoded;
    }

    /** The most recent creator, or null. */
    public String creator() {
        return creators.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    public static EntityUsage none(String entity) {
        return new EntityUsage(entity, null, null, null, null, null, null, null, null, null, null, null);
    }
}
