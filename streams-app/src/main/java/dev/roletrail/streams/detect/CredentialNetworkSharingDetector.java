package dev.roletrail.streams.detect;

import java.time.Duration;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.Sessions;
import dev.roletrail.streams.session.NetworkActivity.KeyAct;

/**
 * {@code session-credential-network-change}, the rule for workload credentials, whether or not their issuance was
 * observed: an EC2 instance-role session, or one an AWS service issued (Lambda, ECS tasks, ...), is used from a network
 * where, within the hour, another principal's long-term key acts. Workload credentials live on the instance or in the
 * service; the same network as somebody's access key means they left it, even on their first observed use.
 * fires ⇔ workload(s) ∧ ∃ k: longTerm(k) ∧ network(k) = network(s) ∧ |t(k) − t(s)| ≤ window ∧ owner(k) ≠ role(s).
 */
public final class CredentialNetworkSharingDetector {

    private final Duration window;

    public CredentialNetworkSharingDetector(DetectorSettings settings) {
        this.window = settings.duration("sharing-window", Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofDays(1));
    }

    public Duration window() {
        return window;
    }

    /** "EC2 instance-role", or "ecs-tasks.amazonaws.com-issued" for a session an AWS service issued. */
    static String workload(Observation use) {
        String service = Sessions.issuingService(use);
        return Sessions.isInstanceRoleSession(use) || service == null || "ec2.amazonaws.com".equals(service)
                ? "EC2 instance-role" : service + "-issued";
    }

    public Optional<Alert> evaluate(Observation instanceUse, KeyAct keyAct) {
        if (keyAct.principal().equals(instanceUse.principal().id())
                || Duration.between(keyAct.at(), instanceUse.event().eventTime()).abs().compareTo(window) > 0) {
            return Optional.empty();
        }
        DetectorInfo info = SessionCredentialNetworkChangeDetector.INFO;
        long seconds = Duration.between(keyAct.at(), instanceUse.event().eventTime()).toSeconds();
        return Optional.of(AlertFactory.alert(info, info.severity(), instanceUse.accessKeyId(), instanceUse,
                instanceUse.principal().id(),
                workload(instanceUse) + " credentials are used from AWS or the workload's own network",
                "used from " + instanceUse.network() + ", where " + keyAct.principal() + "'s long-term key "
                        + keyAct.keyId() + " acted " + Math.abs(seconds) + " s " + (seconds >= 0 ? "earlier" : "later")
                        + " (event " + keyAct.eventId() + ")"));
    }
}
