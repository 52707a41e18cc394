package dev.roletrail.streams.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorInfo.Judgement;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.identity.Networks;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.Sessions;

/**
 * {@code session-credential-network-change}: temporary credentials used from a network other than their home.
 * home(key) = { network of the issuing call (when it came from a network) } ∪ { network of the key's first use };
 * fires when network(event) ∉ home(key) and network(event) is not AWS's (a service name, AWS Internal, a VPC endpoint:
 * services call on a session's behalf, and a workload moves between its own address and its VPC endpoints).
 * For workload credentials (an EC2 instance-role session, or one an AWS service issued: Lambda, ECS tasks), whose
 * home is AWS and whose first use is therefore no baseline, it also fires for a user-agent family the role's workload
 * sessions were never seen with (once the role has been observed for the learning period), whether or not the
 * issuing call was observed. The rule for a network where another principal's long-term key acts lives in
 * {@link CredentialNetworkSharingDetector}.
 */
public final class SessionCredentialNetworkChangeDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "session-credential-network-change",
            "Temporary credentials used from an unexpected network",
            Severity.HIGH,
            List.of("T1552.005", "T1550.001", "T1078.004"),
            "Treat the session's credentials as stolen: revoke the role's active sessions (aws:TokenIssueTime "
                    + "deny policy), find the host they left, and rotate anything the role could read.",
            Judgement.BASELINE);

    private final Duration learningPeriod;

    public SessionCredentialNetworkChangeDetector(DetectorSettings settings) {
        this.learningPeriod = settings.learningPeriod();
    }

    /**
     * @param useBefore     where the key was used before this event, or null for its first use
     * @param clientsBefore the role's known user-agent families before this event, or null
     */
    public Optional<Alert> evaluate(SessionUse useBefore, RoleClients clientsBefore, Observation observation) {
        String network = observation.network();
        if (!observation.temporaryKey() || Networks.isAws(network)) {
            return Optional.empty();
        }
        Session session = observation.lineage().session();
        List<String> home = new ArrayList<>(2);
        if (session != null && !Sessions.isServiceNetwork(session.issuedFrom())) {
            home.add(session.issuedFrom());
        }
        if (useBefore != null) {
            home.add(useBefore.firstNetwork());
        }
        String keyId = observation.accessKeyId();
        if (!home.isEmpty() && !home.contains(network)) {
            return Optional.of(AlertFactory.alert(INFO, INFO.severity(), keyId, observation,
                    observation.principal().id(),
                    "session " + keyId + " started and was used from " + String.join(", ", home.stream().distinct().toList()),
                    "used from " + network + (Sessions.isWorkloadSession(observation)
                            ? " (" + Sessions.workloadKind(observation) + " credentials)" : "")));
        }
        return unknownClient(clientsBefore, observation);
    }

    private Optional<Alert> unknownClient(RoleClients clientsBefore, Observation observation) {
        if (!Sessions.isWorkloadSession(observation) || clientsBefore == null || clientsBefore.families().isEmpty()) {
            return Optional.empty();
        }
        if (Duration.between(clientsBefore.firstSeen(), observation.event().eventTime()).compareTo(learningPeriod) < 0) {
            return Optional.empty();
        }
        String family = observation.userAgentFamily();
        if (clientsBefore.knows(family)) {
            return Optional.empty();
        }
        return Optional.of(AlertFactory.alert(INFO, Severity.MEDIUM, observation.accessKeyId(), observation,
                observation.principal().id(),
                "workload sessions of this role used " + String.join(", ", clientsBefore.families()),
                "used with " + family + " from " + observation.network()));
    }
}
