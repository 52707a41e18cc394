package dev.roletrail.streams.session;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.session.NetworkActivity.KeyAct;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.DueIndex;
import dev.roletrail.streams.time.StreamTicks;

/**
 * Meets long-term-key activity and workload session use (EC2 instance roles, sessions an AWS service
 * issued) on the same network, whichever arrives first. A network's state goes a day of stream time after the last
 * activity in it: networks come and go without end, and a store keyed by them would otherwise only grow. Not at once
 * after the window: a call that arrives late (held for its session, or delivered late by CloudTrail, mostly within
 * minutes, sometimes hours) must still meet what acted within the window of its own event time.
 * Input: {@link NetworkUse}s keyed by network. Output: alerts keyed by alert id.
 */
public final class NetworkSharingProcessor implements Processor<String, NetworkUse, String, Alert> {

    private static final int CAP = 16;
    private static final Duration FORGET_EVERY = Duration.ofMinutes(10);
    private static final Duration KEEP_FOR_LATE_CALLS = Duration.ofDays(1);

    private final CredentialNetworkSharingDetector detector;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, NetworkActivity> store;
    private DueIndex quietAt;
    /**
     * Stream time, run by the records ({@link StreamTicks}): what is within the window is judged in event time, as the
     * detector judges it.
     */
    private final StreamTicks ticks = new StreamTicks(FORGET_EVERY);

    public NetworkSharingProcessor(CredentialNetworkSharingDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.NETWORK_ACTIVITY);
        this.quietAt = new DueIndex(context.getStateStore(StoreNames.NETWORK_ACTIVITY_DUE), StoreNames.NETWORK_ACTIVITY,
                FORGET_EVERY);
    }

    /** A network is indexed when first seen; one still active when due is indexed again. */
    private void forgetQuietNetworks(long streamTime) {
        quietAt.expireDue(Instant.ofEpochMilli(streamTime), store::get, activity -> forgetAt(activity.latest()),
                store::delete);
    }

    private Instant forgetAt(Instant latest) {
        return latest.plus(detector.window()).plus(KEEP_FOR_LATE_CALLS);
    }

    @Override
    public void process(Record<String, NetworkUse> record) {
        if (ticks.advance(record.timestamp())) {
            forgetQuietNetworks(ticks.tick());
        }
        NetworkUse use = record.value();
        NetworkActivity activity = store.get(record.key());
        if (activity == null) {
            activity = NetworkActivity.empty(record.key());
            quietAt.add(record.key(), forgetAt(use.evidence().eventTime()));
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
