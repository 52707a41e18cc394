package dev.roletrail.streams.session;

import java.util.Objects;
import java.util.Optional;

import dev.roletrail.streams.detect.EventEvidence;
import dev.roletrail.streams.identity.Networks;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.Sessions;

/**
 * A call the network-sharing check needs, as it travels to the task that owns its network: made with a long-term key,
 * or with workload credentials (then {@code workload} says which kind). The evidence, not the observation: this
 * repartition carried about 0.6 records per input record, each with the whole CloudTrail record, and the network's
 * state kept sixteen of them.
 *
 * @param workload "EC2 instance-role" or "lambda.amazonaws.com-issued"; null for a long-term key
 */
public record NetworkUse(EventEvidence evidence, String workload) {

    public NetworkUse {
        Objects.requireNonNull(evidence, "evidence");
    }

    /** The use of an observation, when the check needs it: off AWS's own networks, a long-term key or workload. */
    public static Optional<NetworkUse> of(Observation observation) {
        if (Networks.isAws(observation.network())) {
            return Optional.empty();
        }
        if (observation.longTermKey()) {
            return Optional.of(new NetworkUse(EventEvidence.of(observation), null));
        }
        if (observation.temporaryKey() && Sessions.isWorkloadSession(observation)) {
            return Optional.of(new NetworkUse(EventEvidence.of(observation), Sessions.workloadKind(observation)));
        }
        return Optional.empty();
    }

    public boolean longTermKey() {
        return workload == null;
    }
}
