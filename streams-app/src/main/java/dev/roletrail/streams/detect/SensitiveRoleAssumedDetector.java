package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.RoleAssumption;

/**
 * {@code sensitive-role-assumed}: every successful AssumeRole* of a sensitive or break-glass role is reported, with the
 * lineage that led to it:
 * <pre>
 * fires ⇔ assumed(role) ∧ (role ~ org.sensitive-roles ∨ role ~ break-glass-roles)
 * severity = CRITICAL if role ~ break-glass-roles, else HIGH
 * </pre>
 * Patterns are {@link Glob}s over the role ARN (case-sensitive, hence the several spellings in the defaults). The
 * entity is origin → role, so each human or workload gets its own alert and its repeats are counted.
 */
public final class SensitiveRoleAssumedDetector implements EventDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "sensitive-role-assumed",
            "Sensitive role assumed",
            Severity.HIGH,
            List.of("T1078.004", "T1548.005"),
            "Confirm with the origin identity's owner that the role was needed now (ticket, incident); if not, revoke "
                    + "the role's active sessions and review what the session did.");

    /** Default {@code detector.sensitive-role-assumed.break-glass-roles}. */
    public static final List<String> DEFAULT_BREAK_GLASS = List.of("*:role/*BreakGlass*", "*:role/*Breakglass*",
            "*:role/*breakglass*", "*:role/*Break-Glass*", "*:role/*break-glass*", "*:role/*break_glass*",
            "*:role/*Emergency*", "*:role/*emergency*");

    private final SensitiveRoles roles;

    public SensitiveRoleAssumedDetector(DetectorSettings settings) {
        this.roles = SensitiveRoles.from(settings);
    }

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    @Override
    public Optional<Alert> evaluate(Observation observation) {
        Optional<RoleAssumption> found = observation.roleAssumption();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RoleAssumption assumption = found.get();
        String role = assumption.roleArn();
        boolean isBreakGlass = roles.breakGlass(role);
        if (!roles.sensitive(role)) {
            return Optional.empty();
        }
        String origin = observation.lineage().origin();
        String requested = observation.event().requestParameter("sourceIdentity");
        String sourceIdentity = requested != null && !requested.isBlank() ? requested
                : observation.lineage().sourceIdentity();
        return Optional.of(AlertFactory.alert(INFO, isBreakGlass ? Severity.CRITICAL : INFO.severity(),
                origin + " -> " + role, observation, role,
                (isBreakGlass ? "break-glass role" : "sensitive role") + ": every assumption is reported",
                assumption.how() + " of " + role + " by " + assumption.assumer().id() + ", origin " + origin
                        + ", chain " + String.join(" -> ", observation.lineage().chain()) + " -> " + role
                        + (sourceIdentity == null ? "" : ", source identity " + sourceIdentity)
                        + (originUnknown(observation) ? " (the caller's session began before the data: origin "
                                + "unknown)" : "")));
    }

    /** A role session whose start RoleTrail never saw: its lineage stops at the role. */
    private static boolean originUnknown(Observation observation) {
        return observation.principal().type() == PrincipalType.ROLE && !observation.lineage().sessionKnown();
    }
}
