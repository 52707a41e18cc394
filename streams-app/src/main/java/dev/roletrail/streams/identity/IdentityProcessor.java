package dev.roletrail.streams.identity;

import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.Principals;
import dev.roletrail.streams.StoreNames;
import dev.roletrail.streams.detect.FirstTimeAssumptionDetector;

/**
 * Keeps the per-principal state (profiles, access edges) and asks the detectors about each event before updating
 * it, so a detector sees the baseline as it was. Input: CloudTrail records keyed by principal. Output: alerts keyed
 * by alert id.
 */
public final class IdentityProcessor implements Processor<String, CloudTrailRecord, String, Alert> {

    private final FirstTimeAssumptionDetector firstTimeAssumption;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, PrincipalProfile> profiles;
    private KeyValueStore<String, AccessEdge> edges;

    public IdentityProcessor(FirstTimeAssumptionDetector firstTimeAssumption) {
        this.firstTimeAssumption = firstTimeAssumption;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.profiles = context.getStateStore(StoreNames.PRINCIPAL_PROFILES);
        this.edges = context.getStateStore(StoreNames.ACCESS_EDGES);
    }

    @Override
    public void process(Record<String, CloudTrailRecord> record) {
        CloudTrailRecord event = record.value();
        Principal principal = Principals.of(event);
        PrincipalProfile before = profiles.get(principal.id());

        RoleAssumption.from(event).ifPresent(assumption -> {
            String edgeKey = AccessEdge.key(principal.id(), assumption.roleArn());
            AccessEdge edgeBefore = edges.get(edgeKey);
            Optional<Alert> alert = firstTimeAssumption.evaluate(before, edgeBefore, assumption);
            edges.put(edgeKey, edgeBefore == null ? AccessEdge.first(assumption) : edgeBefore.use(assumption.at()));
            alert.ifPresent(a -> context.forward(new Record<>(a.id(), a, record.timestamp())));
        });

        profiles.put(principal.id(), before == null
                ? PrincipalProfile.first(principal.id(), principal.type(), principal.accountId(), event.eventTime())
                : before.observe(event.eventTime()));
    }
}
