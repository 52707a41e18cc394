package dev.roletrail.streams.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.roletrail.streams.detect.EventEvidence;

/**
 * What happened on one network within the last hour of event time (store {@code network-activity}, key: network):
 * long-term keys that acted there and workload sessions used there, each list capped.
 *
 * @param alertedKeys instance-role keys already reported for this network, so each is reported once
 */
public record NetworkActivity(String network, List<KeyAct> longTermKeys, List<NetworkUse> instanceUses,
        List<String> alertedKeys) {

    /** A long-term key acting on the network. */
    public record KeyAct(String principal, String keyId, Instant at, String eventId) {

        static KeyAct of(EventEvidence act) {
            return new KeyAct(act.principal(), act.accessKeyId(), act.eventTime(), act.eventId());
        }
    }

    public NetworkActivity {
        Objects.requireNonNull(network, "network");
        longTermKeys = List.copyOf(longTermKeys);
        instanceUses = List.copyOf(instanceUses);
        alertedKeys = List.copyOf(alertedKeys);
    }

    public static NetworkActivity empty(String network) {
        return new NetworkActivity(network, List.of(), List.of(), List.of());
    }

    public NetworkActivity withKeyAct(KeyAct act, Duration horizon, int cap) {
        return new NetworkActivity(network, recent(Stream.concat(longTermKeys.stream(), Stream.of(act)), act.at(),
                horizon, cap, KeyAct::at), instanceUses, alertedKeys);
    }

    public NetworkActivity withInstanceUse(NetworkUse use, Duration horizon, int cap) {
        Instant at = use.evidence().eventTime();
        return new NetworkActivity(network, longTermKeys, recent(Stream.concat(instanceUses.stream(), Stream.of(use)),
                at, horizon, cap, u -> u.evidence().eventTime()), alertedKeys);
    }

    /** The time of the newest key act or workload use kept, or the epoch when none is. */
    public Instant latest() {
        Instant latest = Instant.EPOCH;
        for (KeyAct act : longTermKeys) {
            latest = act.at().isAfter(latest) ? act.at() : latest;
        }
        for (NetworkUse use : instanceUses) {
            latest = use.evidence().eventTime().isAfter(latest) ? use.evidence().eventTime() : latest;
        }
        return latest;
    }

    public NetworkActivity alerted(String keyId, int cap) {
        List<String> keys = new ArrayList<>(alertedKeys);
        keys.add(keyId);
        return new NetworkActivity(network, longTermKeys, instanceUses,
                keys.subList(Math.max(0, keys.size() - cap), keys.size()));
    }

    /** Keeps entries within the horizon of {@code now}, the newest {@code cap} of them. */
    private static <T> List<T> recent(Stream<T> entries, Instant now, Duration horizon, int cap,
            java.util.function.Function<T, Instant> time) {
        List<T> kept = entries.filter(e -> Duration.between(time.apply(e), now).abs().compareTo(horizon) <= 0)
                .sorted(Comparator.comparing(time)).toList();
        return kept.subList(Math.max(0, kept.size() - cap), kept.size());
    }
}
