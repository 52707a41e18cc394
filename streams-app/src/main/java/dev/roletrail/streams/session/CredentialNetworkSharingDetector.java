package dev.roletrail.streams.session;

import java.time.Duration;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.EventEvidence;
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

    /** @param workloadUse a use of workload credentials ({@link NetworkUse#workload} set) */
    public Optional<Alert> evaluate(NetworkUse workloadUse, KeyAct keyAct) {
        EventEvidence use = workloadUse.evidence();
        if (keyAct.principal().equals(use.principal())
                || Duration.between(keyAct.at(), use.eventTime()).abs().compareTo(window) > 0) {
            return Optional.empty();
        }
        DetectorInfo info = SessionCredentialNetworkChangeDetector.INFO;
        long seconds = Duration.between(keyAct.at(), use.eventTime()).toSeconds();
        return Optional.of(AlertFactory.alert(info, info.severity(), use.accessKeyId(), use, use.principal(),
                workloadUse.workload() + " credentials are used from AWS or the workload's own network",
                "used from " + use.network() + ", where " + keyAct.principal() + "'s long-term key "
                        + keyAct.keyId() + " acted " + Math.abs(seconds) + " s " + (seconds >= 0 ? "earlier" : "later")
                        + " (event " + keyAct.eventId() + ")"));
    }
}
