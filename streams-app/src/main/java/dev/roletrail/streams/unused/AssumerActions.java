package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.Objects;
import java.util.Map;

/**
 * The IAM actions a role's sessions used for one assumer (store {@code findings-assumer-actions}, key:
 * {@link #key(String, String)}), for the per-assumer least-privilege policy. Bounded like {@link EntityUsage}.
 */
public record AssumerActions(String role, String assumer, Map<String, Instant> actions) {

    /**
     * Kept decoded in memory (store {@code findings-assumer-actions}), values weigh their actions: this much weight
     * per configured decoded entry ({@code streams.decoded-cache-entries}).
     */
    public static final int WEIGHT_PER_CACHE_ENTRY = 40;

    public AssumerActions {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(assumer, "assumer");
        actions = RecentItems.copy(actions);
    }

    /** What the value weighs in memory: its actions. */
    public int weight() {
        return 1 + actions.size();
    }

    /** Keys start with the role, so one range scan finds every assumer of a role. */
    public static String key(String role, String assumer) {
        return role + "\u0000" + assumer;
    }

    /** These actions with {@code action} used at {@code at}; the same instance when that adds nothing. */
    public AssumerActions with(String action, Instant at) {
        Map<String, Instant> next = RecentItems.with(actions, action, at, EntityUsage.MAX_ACTIONS);
        return next == actions ? this : new AssumerActions(role, assumer, next);
    }
}
