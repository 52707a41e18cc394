package dev.roletrail.streams.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.TrustPolicy;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.DueIndex;
import dev.roletrail.streams.time.StreamTicks;

/**
 * Owns each principal's profile and its access edges. Every detector here is asked about an event before the state
 * is updated with it, so it judges the event against the baseline as it was. A principal unseen for the entity
 * retention keeps only what dormancy needs of its profile, and its access edges go. Input: observations keyed by
 * principal. Output: alerts keyed by alert id, and assumer reports keyed by role ARN, which carry the
 * {@code first-time-assumption} alerts to the role's task for its peers' verdict.
 */
public final class PrincipalActivityProcessor implements Processor<String, Observation, String, ActivityOutput> {

    private final FirstTimeAssumptionDetector firstTimeAssumption;
    private final List<ProfileDetector> profileDetectors;
    private final Duration retention;
    private ProcessorContext<String, ActivityOutput> context;
    private DecodedCache<PrincipalProfile> profiles;
    private DecodedCache<AccessEdge> edges;
    /**
     * Stream time, run by the records ({@link StreamTicks}): a replay reduces state at the same points of the data as
     * the live run did.
     */
    private final StreamTicks ticks = new StreamTicks(DueIndex.RETENTION_CHECKS);
    private KeyValueStore<String, InventoryEntity> inventory;
    private DueIndex profilesDue;
    private DueIndex edgesDue;

    /** @param retention how long after a principal's or an edge's last use its state stays whole */
    public PrincipalActivityProcessor(FirstTimeAssumptionDetector firstTimeAssumption,
            List<ProfileDetector> profileDetectors, Duration retention) {
        this.firstTimeAssumption = firstTimeAssumption;
        this.profileDetectors = List.copyOf(profileDetectors);
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, ActivityOutput> context) {
        this.context = context;
        this.profiles = DecodedCache.of(context, StoreNames.PRINCIPAL_PROFILES);
        this.edges = DecodedCache.of(context, StoreNames.ACCESS_EDGES);
        this.inventory = context.getStateStore(StoreNames.INVENTORY);
        this.profilesDue = new DueIndex(context.getStateStore(StoreNames.TIMERS), StoreNames.PRINCIPAL_PROFILES,
                DueIndex.RETENTION_CHECKS);
        this.edgesDue = new DueIndex(context.getStateStore(StoreNames.TIMERS), StoreNames.ACCESS_EDGES,
                DueIndex.RETENTION_CHECKS);
    }

    /** Each principal and edge is indexed when its state is created (or grows again after a reduction). */
    private void reduceUnused(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        profilesDue.settleDue(now, profiles::get,
                profile -> profile.isReduced() ? null : profile.lastSeen().plus(retention),
                (principal, profile) -> profiles.put(principal, profile.reduced()));
        edgesDue.expireDue(now, edges::get, edge -> edge.lastUsed().plus(retention), edges::delete);
    }

    @Override
    public void process(Record<String, Observation> record) {
        if (ticks.advance(record.timestamp())) {
            reduceUnused(ticks.tick());
        }
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
            Alert candidate = firstTimeAssumption.evaluate(before, edgeBefore, trust, assumption, observation)
                    .orElse(null);
            if (edgeBefore == null || firstTimeAssumption.reportAgain(edgeBefore.lastUsed(), assumption.at())) {
                AssumerReport report = new AssumerReport(assumption.roleArn(), assumption.assumer().id(),
                        AssumerReport.peerGroup(assumption.assumer()), assumption.at(), candidate,
                        candidate != null && firstTimeAssumption.peersMayExplain(trust, assumption));
                context.forward(new Record<>(report.role(), new ActivityOutput(null, report), record.timestamp()));
            }
            AccessEdge edge = edgeBefore == null ? AccessEdge.first(assumption) : edgeBefore.use(assumption.at());
            edges.put(edgeKey, edge);
            if (edgeBefore == null) {
                edgesDue.add(edgeKey, edge.lastUsed().plus(retention));
            }
        });

        PrincipalProfile after = before == null ? PrincipalProfile.first(observation) : before.observe(observation);
        profiles.put(principal, after);
        if (before == null || before.isReduced()) {
            profilesDue.add(principal, after.lastSeen().plus(retention));
        }
    }

    /** The role's trust policy in the inventory (a global store), or null when the inventory does not hold it. */
    private TrustPolicy trustPolicyOf(String roleArn) {
        return inventory.get(roleArn) instanceof IamRole role ? TrustPolicy.of(role.trustPolicy()) : null;
    }

    private void emit(Alert alert, long timestamp) {
        context.forward(new Record<>(alert.id(), new ActivityOutput(alert, null), timestamp));
    }
}
