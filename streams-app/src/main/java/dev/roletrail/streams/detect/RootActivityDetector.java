package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.cloudtrail.UserIdentity;
import dev.roletrail.streams.identity.Observation;

/**
 * {@code root-activity}: the root user acts:
 * <pre>
 * fires ⇔ userIdentity.type = Root ∧ invokedBy = ∅ ∧ eventType ≠ AwsServiceEvent
 * </pre>
 * Failed calls count, failed console sign-ins included: someone holding or guessing the root password is news. Only
 * what an AWS service does on the account's behalf ({@code invokedBy} set, or a service event) is skipped. The entity
 * is the root user, so one alert per account and suppression window counts the rest of the session. No parameters
 * of its own ({@code enabled} and the allowlists apply as for every detector).
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

    @Override
    public Optional<Alert> evaluate(Observation observation) {
        CloudTrailRecord event = observation.event();
        UserIdentity identity = event.userIdentity();
        if (observation.principal().type() != PrincipalType.ROOT || identity == null
                || (identity.invokedBy() != null && !identity.invokedBy().isBlank())
                || "AwsServiceEvent".equals(event.eventType())) {
            return Optional.empty();
        }
        return Optional.of(AlertFactory.alert(INFO, INFO.severity(), observation.principal().id(), observation, null,
                "the root user is not used for day-to-day work", describe(event, observation)));
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
        if (event.additionalEventData() != null
                && "No".equals(event.additionalEventData().path("MFAUsed").asText(null))) {
            text.append(", without MFA");
        }
        if (observation.longTermKey()) {
            text.append(", with root access key ").append(observation.accessKeyId());
        }
        return text.toString();
    }
}
