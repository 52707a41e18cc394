package dev.roletrail.simulator.truth;

import java.util.List;
import java.util.Objects;

/**
 * The actions a role's sessions used in the tracking period, as the trail shows them: what its least-privilege
 * policy should allow exactly.
 *
 * @param assumer the principal whose sessions used them, or null for the role's policy over every session
 */
public record ExpectedPolicy(String role, String assumer, List<String> actions) {

    public ExpectedPolicy {
        Objects.requireNonNull(role, "role");
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a policy of no action is never proposed: " + role);
        }
    }

    /** The key of its finding ({@link ExpectedFinding#key()}). */
    public String key() {
        return role + (assumer == null ? "" : " <- " + assumer);
    }
}
