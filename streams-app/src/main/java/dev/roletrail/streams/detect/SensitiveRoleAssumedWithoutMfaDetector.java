package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.cloudtrail.UserIdentity;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.RoleAssumption;

/**
 * {@code sensitive-role-assumed-without-mfa}: a person reaches a sensitive role, or the console, without MFA:
 * <pre>
 * fires ⇔ person(caller) ∧ (AssumeRole(role) ∧ role ~ sensitive ∧ ¬mfa(call)
 *                            ∨ ConsoleLogin succeeded ∧ additionalEventData.MFAUsed = No)
 * mfa(call) ⇔ requestParameters.serialNumber set ∨ caller's sessionContext.attributes.mfaAuthenticated = true
 *             (an IAM user's long-term key has no session: only serialNumber can show MFA)
 * severity = CRITICAL if role ~ break-glass-roles, else HIGH
 * </pre>
 * Who counts as a person is {@link MfaSubject}'s rule: an IAM user, or a role session whose lineage begins at one.
 * Root's sign-ins are {@code root-activity}'s. Sensitive and break-glass roles are {@link SensitiveRoles}, the
 * patterns of {@code sensitive-role-assumed}. The entity is origin → role, or the user's console sign-in.
 */
public final class SensitiveRoleAssumedWithoutMfaDetector implements EventDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "sensitive-role-assumed-without-mfa",
            "Sensitive role assumed or console signed in without MFA",
            Severity.HIGH,
            List.of("T1078.004"),
            "Confirm with the person that it was them; require MFA (aws:MultiFactorAuthPresent in the role's trust "
                    + "policy, an MFA device for the console user) and, if it was not them, reset their credentials.");

    private final SensitiveRoles roles;

    public SensitiveRoleAssumedWithoutMfaDetector(SensitiveRoles roles) {
        this.roles = roles;
    }

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    @Override
    public Optional<Alert> evaluate(Observation observation) {
        if (MfaSubject.consoleSignInWithoutMfa(observation)) {
            String user = observation.principal().id();
            return Optional.of(AlertFactory.alert(INFO, INFO.severity(), user + " console sign-in", observation, null,
                    "people sign in to the console with MFA",
                    "console sign-in of " + user + " without MFA (additionalEventData.MFAUsed No)"));
        }
        Optional<RoleAssumption> found = observation.roleAssumption();
        if (found.isEmpty() || !"AssumeRole".equals(found.get().how()) || !roles.sensitive(found.get().roleArn())) {
            return Optional.empty();
        }
        Optional<String> person = MfaSubject.person(observation);
        Optional<String> noMfa = withoutMfa(observation.event());
        if (person.isEmpty() || noMfa.isEmpty()) {
            return Optional.empty();
        }
        String role = found.get().roleArn();
        boolean breakGlass = roles.breakGlass(role);
        String origin = observation.lineage().origin();
        return Optional.of(AlertFactory.alert(INFO, breakGlass ? Severity.CRITICAL : INFO.severity(),
                origin + " -> " + role, observation, role,
                (breakGlass ? "break-glass" : "sensitive") + " roles are assumed with MFA",
                "AssumeRole of " + role + " by " + observation.principal().id() + " (" + person.get() + ") without "
                        + "MFA: " + noMfa.get()));
    }

    /** Why the AssumeRole call shows no MFA, or empty when it shows MFA or cannot tell. */
    static Optional<String> withoutMfa(CloudTrailRecord event) {
        String serial = event.requestParameter("serialNumber");
        if (serial != null && !serial.isBlank()) {
            return Optional.empty();
        }
        UserIdentity identity = event.userIdentity();
        UserIdentity.SessionContext context = identity == null ? null : identity.sessionContext();
        String authenticated = context == null || context.attributes() == null ? null
                : context.attributes().mfaAuthenticated();
        if (authenticated != null) {
            return "false".equalsIgnoreCase(authenticated)
                    ? Optional.of("the caller's session was not MFA-authenticated (mfaAuthenticated false)")
                    : Optional.empty();
        }
        // No session: an IAM user's long-term key, whose only way to show MFA is SerialNumber and TokenCode.
        return PrincipalType.fromCloudTrail(identity == null ? null : identity.type()) == PrincipalType.IAM_USER
                ? Optional.of("the long-term key's request has no serialNumber (no MFA code was given)")
                : Optional.empty();
    }
}
