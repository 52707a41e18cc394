package dev.roletrail.streams.session;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.session.NetworkActivity.KeyAct;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.DueIndex;
import dev.roletrail.streams.time.StreamTicks;
import dev.roletrail.streams.time.WallClockWait;

/**
 * Meets long-term-key activity and workload session use (EC2 instance roles, sessions an AWS service
 * issued) on the same network, whichever arrives first. A network's state goes a day of stream time after the last
 * activity in it: networks come and go without end, and a store keyed by them would otherwise only grow. Not at once
 * after the window: a call that arrives late (held for its session, or delivered late by CloudTrail, mostly within
 * minutes, sometimes hours) must still meet what acted within the window of its own event time.
 * <p>
 * Nor before a least time of wall clock since the network was last active: this task's stream time moves with the
 * records of every upstream task, and in a backfill it runs days ahead while a call waits, in wall-clock time, for
 * its session (the lineage step's wall-clock minimum), or until the end of the input. Forgetting by stream time alone
 * made such a call miss the key that acted beside it, or meet it, depending on which records reached this task first.
 * The wall clock of each network's last activity, and which networks wait for it, are kept in memory
 * ({@link WallClockWait}): after a start, the first stream-time check finds the networks whose stream-time retention
 * is over, and they wait that time again.
 * Input: {@link NetworkUse}s keyed by network. Output: alerts keyed by alert id.
 */
public final class NetworkSharingProcessor implements Processor<String, NetworkUse, String, Alert> {

    private static final int CAP = 16;
    private static final Duration FORGET_EVERY = Duration.ofMinutes(10);
    private static final Duration KEEP_FOR_LATE_CALLS = Duration.ofDays(1);

    private final CredentialNetworkSharingDetector detector;
    /** Since each network's last activity, in wall-clock time. */
    private final WallClockWait keptWall;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, NetworkActivity> store;
    private DueIndex quietAt;
    /**
     * Stream time, run by the records ({@link StreamTicks}): what is within the window is judged in event time, as the
     * detector judges it.
     */
    private final StreamTicks ticks = new StreamTicks(FORGET_EVERY);

    /**
     * @param keepWall the least wall-clock time a network is kept after its last activity (twice the lineage step's
     *                 wall-clock minimum: a held call waits up to that, and reaches this step a commit or two later)
     */
    public NetworkSharingProcessor(CredentialNetworkSharingDetector detector, Duration keepWall) {
        this.detector = detector;
        this.keptWall = new WallClockWait(keepWall);
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.NETWORK_ACTIVITY);
        this.quietAt = new DueIndex(context.getStateStore(StoreNames.NETWORK_ACTIVITY_DUE), StoreNames.NETWORK_ACTIVITY,
                FORGET_EVERY);
        keptWall.start(context.currentSystemTimeMs());
        if (keptWall.enabled()) {
            context.schedule(Duration.ofSeconds(10), PunctuationType.WALL_CLOCK_TIME, this::forgetWaitedNetworks);
        }
    }

    /**
     * A network is indexed when first seen; one still active when due is indexed again; one whose wall-clock minimum
     * is not over leaves the index to wait for it.
     */
    private void forgetQuietNetworks(long streamTime) {
        recoverWaitingForWallOnce(streamTime);
        quietAt.settleDue(Instant.ofEpochMilli(streamTime), store::get, activity -> forgetAt(activity.latest()),
                (network, activity) -> {
                    if (keptWall.over(network, context.currentSystemTimeMs())) {
                        forget(network);
                    } else {
                        keptWall.awaitWall(network);
                    }
                });
    }

    /**
     * Once per start: networks whose stream-time retention is over are off the index, waiting for the wall clock, and
     * that wait is kept in memory only.
     */
    private void recoverWaitingForWallOnce(long streamTime) {
        if (!keptWall.recoverOnce()) {
            return;
        }
        Instant now = Instant.ofEpochMilli(streamTime);
        try (KeyValueIterator<String, NetworkActivity> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (!forgetAt(entry.value.latest()).isAfter(now)) {
                    keptWall.awaitWall(entry.key);
                }
            });
        }
    }

    private void forgetWaitedNetworks(long wall) {
        keptWall.takeOver(wall).forEach(store::delete);
    }

    private void forget(String network) {
        keptWall.forget(network);
        store.delete(network);
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
        // Active again while waiting for the wall clock: back on the stream-time index, by its newest activity.
        boolean backOnIndex = keptWall.stopAwaitingWall(record.key());
        keptWall.began(record.key(), context.currentSystemTimeMs());
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
        if (backOnIndex) {
            quietAt.add(record.key(), forgetAt(activity.latest()));
        }
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
