package dev.roletrail.streams.identity;

import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.StoreNames;
import dev.roletrail.streams.detect.FirstTimeAssumptionDetector;
import dev.roletrail.streams.detect.ProfileDetector;
import dev.roletrail.streams.state.DecodedCache;

/**
 * Owns each principal's profile and its access edges. Every detector here is asked about an event before the state
 * is updated with it, so it judges the event against the baseline as it was. Input: observations keyed by principal.
 * Output: alerts keyed by alert id.
 */
public final class PrincipalActivityProcessor implements Processor<String, Observation, String, Alert> {

    private final FirstTimeAssumptionDetector firstTimeAssumption;
    private final List<ProfileDetector> profileDetectors;
    private ProcessorContext<String, Alert> context;
    private DecodedCache<PrincipalProfile> profiles;
    private DecodedCache<AccessEdge> edges;
    private KeyValueStore<String, InventoryEntity> inventory;

    public PrincipalActivityProcessor(FirstTimeAssumptionDetector firstTimeAssumption,
            List<ProfileDetector> profileDetectors) {
        this.firstTimeAssumption = firstTimeAssumption;
        this.profileDetectors = List.copyOf(profileDetectors);
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.profiles = DecodedCache.of(context, StoreNames.PRINCIPAL_PROFILES);
        this.edges = DecodedCache.of(context, StoreNames.ACCESS_EDGES);
        this.inventory = context.getStateStore(StoreNames.INVENTORY);
    }

    @Override
    public void process(Record<String, Observation> record) {
        Observation observation = record.value();
        String principal = observation.principal().id();
        PrincipalProfile before = profiles.get(principal);

        for (ProfileDetector detector : profileDetectors) {
            detector.evaluate(before, observation).ifPresent(alert -> emit(alert, record.timestamp()));
        }
        observation.roleAssumption().ifPresent(assumption -> {
            String edgeKey = AccessEdge.key(principal, assumption.roleArn());
            AccessEdge edgeBefore = edges.get(edgeKey);
            // The inventory is read for a new edge only: that is rare, and only then can the detector fire.
            TrustPolicy trust = edgeBefore == null ? trustPolicyOf(assumption.roleArn()) : null;
            firstTimeAssumption.evaluate(before, edgeBefore, trust, assumption, observation)
                    .ifPresent(alert -> emit(alert, record.timestamp()));
            edges.put(edgeKey, edgeBefore == null ? AccessEdge.first(assumption) : edgeBefore.use(assumption.at()));
        });

        profiles.put(principal, before == null ? PrincipalProfile.first(observation) : before.observe(observation));
    }

    /** The role's trust policy in the inventory (a global store), or null when the inventory does not hold it. */
    private TrustPolicy trustPolicyOf(String roleArn) {
        return inventory.get(roleArn) instanceof IamRole role ? TrustPolicy.of(role.trustPolicy()) : null;
    }

    private void emit(Alert alert, long timestamp) {
        context.forward(new Record<>(alert.id(), alert, timestamp));
    }
}
