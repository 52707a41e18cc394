package dev.roletrail.simulator.truth;

import java.util.Objects;

import dev.roletrail.schemas.finding.FindingKind;

/**
 * A finding that should be open at the end of the simulated period, named as RoleTrail names it: the role, user or
 * key ({@code <user arn>#access-key-1}) and, for a trust path or a per-assumer policy, the principal.
 */
public record ExpectedFinding(FindingKind kind, String entity, String subject) {

    public ExpectedFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entity, "entity");
    }

    /** What a finding and its truth are matched by. */
    public String key() {
        return entity + (subject == null ? "" : " <- " + subject);
    }
}
