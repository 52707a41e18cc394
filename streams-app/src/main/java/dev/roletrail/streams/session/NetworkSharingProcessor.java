package dev.roletrail.streams.session;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.StoreNames;
import dev.roletrail.streams.detect.CredentialNetworkSharingDetector;
import dev.roletrail.streams.session.NetworkActivity.KeyAct;

/**
 * Meets long-term-key activity and workload session use (EC2 instance roles, sessions an AWS service
 * issued) on the same network, whichever arrives first.
 * Input: {@link NetworkUse}s keyed by network. Output: alerts keyed by alert id.
 */
public final class NetworkSharingProcessor implements Processor<String, NetworkUse, String, Alert> {

    private static final int CAP = 16;

    private final CredentialNetworkSharingDetector detector;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, NetworkActivity> store;

    public NetworkSharingProcessor(CredentialNetworkSharingDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.NETWORK_ACTIVITY);
    }

    @Override
    public void process(Record<String, NetworkUse> record) {
        NetworkUse use = record.value();
        NetworkActivity activity = store.get(record.key());
        if (activity == null) {
            activity = NetworkActivity.empty(record.key());
        }
        if (use.longTermKey()) {
            KeyAct act = KeyAct.of(use.evidence());
            for (NetworkUse workloadUse : activity.instanceUses()) {
                activity = report(activity, workloadUse, act, record.timestamp());
            }
            activity = activity.withKeyAct(act, detector.window(), CAP);
        } else {
            for (KeyAct act : activity.longTermKeys()) {
                activity = report(activity, use, act, record.timestamp());
            }
            activity = activity.withInstanceUse(use, detector.window(), CAP);
        }
        store.put(record.key(), activity);
    }

    private NetworkActivity report(NetworkActivity activity, NetworkUse use, KeyAct act, long timestamp) {
        String keyId = use.evidence().accessKeyId();
        if (activity.alertedKeys().contains(keyId)) {
            return activity;
        }
        var alert = detector.evaluate(use, act);
        if (alert.isEmpty()) {
            return activity;
        }
        context.forward(new Record<>(alert.get().id(), alert.get(), timestamp));
        return activity.alerted(keyId, CAP * 4);
    }
}
