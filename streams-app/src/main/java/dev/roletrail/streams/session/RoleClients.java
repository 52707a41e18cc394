package dev.roletrail.streams.session;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The user-agent families a role's sessions have been seen with (store {@code role-clients}, key: role ARN),
 * at most {@code cap} of them: once full, new families are still judged but not remembered.
 */
public record RoleClients(String role, List<String> families, Instant firstSeen) {

    public RoleClients {
        Objects.requireNonNull(role, "role");
        families = List.copyOf(families);
    }

    public boolean knows(String family) {
        return families.contains(family);
    }

    public RoleClients with(String family, int cap) {
        if (knows(family) || families.size() >= cap) {
            return this;
        }
        Set<String> next = new LinkedHashSet<>(families);
        next.add(family);
        return new RoleClients(role, List.copyOf(next), firstSeen);
    }
}
