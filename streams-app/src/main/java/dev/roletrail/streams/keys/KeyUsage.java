package dev.roletrail.streams.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What RoleTrail knows of one long-term access key (store {@code key-usage}, key: the access key id). Times are event
 * times, so first and last use are a min and a max. The networks are bounded: past {@code maxNetworks} the one used
 * least recently is forgotten.
 *
 * @param keyId     the access key id, {@code AKIA...}
 * @param owner     the principal that signs with it (the IAM user, or root)
 * @param firstUsed earliest use seen
 * @param lastUsed  latest use seen
 * @param uses      calls signed with it
 * @param networks  networks it was used from ({@code Observation.network()}), sorted by name
 */
public record KeyUsage(String keyId, String owner, Instant firstUsed, Instant lastUsed, long uses,
        List<KnownNetwork> networks) {

    /** A network a key was used from, with its first and latest use. */
    public record KnownNetwork(String network, Instant firstUsed, Instant lastUsed) {

        public KnownNetwork {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(firstUsed, "firstUsed");
            Objects.requireNonNull(lastUsed, "lastUsed");
        }
    }

    /** Calls with no source address have no network worth remembering. */
    public static final String UNKNOWN_NETWORK = "unknown";

    private static final Comparator<KnownNetwork> LEAST_RECENT_FIRST =
            Comparator.comparing(KnownNetwork::lastUsed).thenComparing(KnownNetwork::network);

    public KeyUsage {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(firstUsed, "firstUsed");
        Objects.requireNonNull(lastUsed, "lastUsed");
        networks = List.copyOf(networks);
    }

    public static KeyUsage first(String keyId, String owner, Instant at, String network, int maxNetworks) {
        return new KeyUsage(keyId, owner, at, at, 0, List.of()).use(at, network, maxNetworks);
    }

    /** This key used once more, at {@code at} from {@code network}. */
    /** What dormancy needs of a key unused for the entity retention: its first and last use, without networks. */
    public KeyUsage reduced() {
        return new KeyUsage(keyId, owner, firstUsed, lastUsed, uses, List.of());
    }

    public KeyUsage use(Instant at, String network, int maxNetworks) {
        List<KnownNetwork> kept = new ArrayList<>(networks.size() + 1);
        boolean known = false;
        for (KnownNetwork n : networks) {
            if (n.network().equals(network)) {
                kept.add(new KnownNetwork(network, min(n.firstUsed(), at), max(n.lastUsed(), at)));
                known = true;
            } else {
                kept.add(n);
            }
        }
        if (!known && network != null && !UNKNOWN_NETWORK.equals(network)) {
            kept.add(new KnownNetwork(network, at, at));
        }
        while (kept.size() > maxNetworks) {
            kept.remove(kept.stream().min(LEAST_RECENT_FIRST).orElseThrow());
        }
        kept.sort(Comparator.comparing(KnownNetwork::network));
        return new KeyUsage(keyId, owner, min(firstUsed, at), max(lastUsed, at), uses + 1, kept);
    }

    public boolean knows(String network) {
        return networks.stream().anyMatch(n -> n.network().equals(network));
    }

    /** The networks, most recently used first. */
    public List<String> networksByRecency() {
        return networks.stream().sorted(LEAST_RECENT_FIRST.reversed()).map(KnownNetwork::network).toList();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
