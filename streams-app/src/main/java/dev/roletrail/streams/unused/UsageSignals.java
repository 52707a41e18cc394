package dev.roletrail.streams.unused;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.streams.identity.Lineage;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.unused.policy.CloudTrailActionMapper;

/**
 * Cuts the usage signals out of an observation: one for the acting role, user or root, and one more for the role a
 * successful AssumeRole* assumed. A refused call shows the identity is alive but used no permission, so its action is
 * left out.
 */
public final class UsageSignals {

    private static final Set<PrincipalType> TRACKED = Set.of(PrincipalType.ROLE, PrincipalType.IAM_USER,
            PrincipalType.ROOT);

    private final CloudTrailActionMapper mapper;

    public UsageSignals(CloudTrailActionMapper mapper) {
        this.mapper = mapper;
    }

    public List<UsageSignal> of(Observation observation) {
        CloudTrailRecord event = observation.event();
        List<UsageSignal> signals = new ArrayList<>(2);
        PrincipalType type = observation.principal().type();
        if (TRACKED.contains(type)) {
            String action = refused(event) ? null
                    : mapper.action(event.eventSource(), event.eventName()).orElse(null);
            String assumer = type == PrincipalType.ROLE ? sessionAssumer(observation.lineage()) : null;
            signals.add(new UsageSignal(observation.principal().id(), event.eventTime(), false, action,
                    observation.longTermKey() ? observation.accessKeyId() : null, assumer, null, null, null));
        }
        observation.roleAssumption().ifPresent(assumption -> signals.add(new UsageSignal(assumption.roleArn(),
                event.eventTime(), true, null, null, assumption.assumer().id(), observation.lineage().origin(),
                observation.network(), observation.userAgentFamily())));
        return signals;
    }

    /** The principal one hop before the role in a known session chain, or null. */
    private static String sessionAssumer(Lineage lineage) {
        List<String> chain = lineage.chain();
        return lineage.sessionKnown() && chain.size() >= 2 ? chain.get(chain.size() - 2) : null;
    }

    private static boolean refused(CloudTrailRecord event) {
        String error = event.errorCode();
        return error != null && (error.contains("AccessDenied") || error.contains("Unauthorized")
                || error.contains("Forbidden"));
    }
}
