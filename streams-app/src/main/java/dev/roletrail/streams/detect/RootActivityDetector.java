package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.cloudtrail.UserIdentity;
import dev.roletrail.streams.identity.Observation;

/**
 * {@code root-activity}: the root user acts:
 * <pre>
 * fires ⇔ principal type = Root ∧ eventType ≠ AwsServiceEvent
 * severity = CRITICAL for a change of credentials (keys, MFA, password, login profile, certificates), of a policy
 *              or of the account (contacts, name, closing it, organisation membership)
 *          | LOW for a read-only call (readOnly, else Get / List / Describe / …) or CreateServiceLinkedRole
 *          | MEDIUM for a sign-in (signin.amazonaws.com), HIGH when it succeeded without MFA
 *          | HIGH otherwise
 * </pre>
 * Failed calls count, failed console sign-ins included: someone holding or guessing the root password is news.
 * {@code invokedBy} does not make a call AWS's own: actions in the console are logged with {@code invokedBy:
 * signin.amazonaws.com} (or another AWS front end) while {@code userIdentity} is still root; only a service event is
 * skipped. The entity is the root user and the tier ({@code <root ARN> sign-in}, {@code read-only}, {@code other}),
 * and for CRITICAL also the call, so one sign-in does not suppress the key it is followed by. No parameters of its
 * own ({@code enabled} and the allowlists apply as for every detector).
 */
public final class RootActivityDetector implements EventDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "root-activity",
            "Root user activity",
            Severity.HIGH,
            List.of("T1078.004"),
            "Confirm who used the root user and why; if it was not a planned break-glass task, reset the root "
                    + "password, delete any root access keys, check its MFA and review what it did.");

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    /** Name parts of calls that change credentials, policies or the account itself. */
    private static final List<String> CRITICAL_PARTS = List.of("accesskey", "mfadevice", "password", "loginprofile",
            "signingcertificate", "sshpublickey", "policy", "account", "organization", "contact");
    private static final List<String> READ_PREFIXES = List.of("get", "list", "describe", "head", "lookup", "search",
            "batchget", "view");
    private static final Set<String> LOW_CHANGES = Set.of("CreateServiceLinkedRole");

    @Override
    public Optional<Alert> evaluate(Observation observation) {
        CloudTrailRecord event = observation.event();
        if (observation.principal().type() != PrincipalType.ROOT || "AwsServiceEvent".equals(event.eventType())) {
            return Optional.empty();
        }
        Severity severity = severity(event);
        String tier = switch (severity) {
            case CRITICAL -> "change " + event.eventName();
            case LOW -> "read-only";
            default -> signIn(event) ? "sign-in" : "other";
        };
        return Optional.of(AlertFactory.alert(INFO, severity, observation.principal().id() + " " + tier, observation,
                null, "the root user is not used for day-to-day work", describe(event, observation)));
    }

    static Severity severity(CloudTrailRecord event) {
        String name = event.eventName() == null ? "" : event.eventName();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean readOnly = Boolean.TRUE.equals(event.readOnly())
                || event.readOnly() == null && READ_PREFIXES.stream().anyMatch(lower::startsWith);
        if (!readOnly && CRITICAL_PARTS.stream().anyMatch(lower::contains)) {
            return Severity.CRITICAL;
        }
        if (signIn(event)) {
            return !event.failed() && withoutMfa(event) && !"Failure".equals(event.responseElement("/ConsoleLogin"))
                    ? Severity.HIGH : Severity.MEDIUM;
        }
        if (readOnly || LOW_CHANGES.contains(name)) {
            return Severity.LOW;
        }
        return Severity.HIGH;
    }

    private static boolean signIn(CloudTrailRecord event) {
        return "signin.amazonaws.com".equals(event.eventSource());
    }

    private static boolean withoutMfa(CloudTrailRecord event) {
        return event.additionalEventData() != null
                && "No".equals(event.additionalEventData().path("MFAUsed").asText(null));
    }

    private static String describe(CloudTrailRecord event, Observation observation) {
        StringBuilder text = new StringBuilder("root called ").append(event.eventName());
        if (event.eventSource() != null) {
            text.append(" on ").append(event.eventSource());
        }
        if (event.failed()) {
            text.append(", refused (").append(event.errorCode()).append(')');
        }
        if ("Failure".equals(event.responseElement("/ConsoleLogin"))) {
            text.append(", sign-in failed");
        }
        if (withoutMfa(event)) {
            text.append(", without MFA");
        }
        UserIdentity identity = event.userIdentity();
        if (identity != null && identity.invokedBy() != null && !identity.invokedBy().isBlank()) {
            text.append(", through ").append(identity.invokedBy());
        }
        if (observation.longTermKey()) {
            text.append(", with root access key ").append(observation.accessKeyId());
        }
        return text.toString();
    }
}
