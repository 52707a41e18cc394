package dev.roletrail.streams.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What RoleTrail knows of one long-term access key (store {@code key-usage}, key: the access key id). Times are event
 * times, so first and last use are a min and a max. The networks are bounded: past {@code maxNetworks} the one used
 * least recently is forgotten. So are the clients, past {@value #MAX_CLIENTS}: a key signs for a handful of tools.
 *
 * @param keyId     the access key id, {@code AKIA...}
 * @param owner     the principal that signs with it (the IAM user, or root)
 * @param firstUsed earliest use seen
 * @param lastUsed  latest use seen
 * @param uses      calls signed with it
 * @param networks  networks it was used from ({@code Observation.network()}), sorted by name
 * @param clients   user-agent families it was used with ({@code Observation.userAgentFamily()}), sorted; empty when
 *                  not known (usage recorded before clients were, or reduced)
 */
public record KeyUsage(String keyId, String owner, Instant firstUsed, Instant lastUsed, long uses,
        List<KnownNetwork> networks, List<String> clients) {

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

    /** How many user-agent families a key remembers; past it, the new one is not added. */
    static final int MAX_CLIENTS = 16;

    private static final Comparator<KnownNetwork> LEAST_RECENT_FIRST =
            Comparator.comparing(KnownNetwork::lastUsed).thenComparing(KnownNetwork::network);

    public KeyUsage {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(firstUsed, "firstUsed");
        Objects.requireNonNull(lastUsed, "lastUsed");
        networks = List.copyOf(networks);
        // Absent from usage stored before clients were recorded.
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    public static KeyUsage first(String keyId, String owner, Instant at, String network, String client,
            int maxNetworks) {
        return new KeyUsage(keyId, owner, at, at, 0, List.of(), List.of()).use(at, network, client, maxNetworks);
    }

    /**
     * What dormancy needs of a key unused for the entity retention: its first and last use, without networks or
     * clients.
     */
    public KeyUsage reduced() {
        return new KeyUsage(keyId, owner, firstUsed, lastUsed, uses, List.of(), List.of());
    }

    /** This key used once more, at {@code at} from {@code network} with the user-agent family {@code client}. */
    public KeyUsage use(Instant at, String network, String client, int maxNetworks) {
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
        return new KeyUsage(keyId, owner, min(firstUsed, at), max(lastUsed, at), uses + 1, kept, withClient(client));
    }

    private List<String> withClient(String client) {
        if (client == null || clients.contains(client) || clients.size() >= MAX_CLIENTS) {
            return clients;
        }
        List<String> more = new ArrayList<>(clients);
        more.add(client);
        more.sort(Comparator.naturalOrder());
        return more;
    }

    public boolean knows(String network) {
        return networks.stream().anyMatch(n -> n.network().equals(network));
    }

    /** Whether {@code client} is a user-agent family this key was used with; false too when its clients are unknown. */
    public boolean knowsClient(String client) {
        return clients.contains(client);
    }

    /**
     * The networks other than {@code network} this key was used from within {@code window} of {@code at}, either side
     * (events arrive nearly, not exactly, in time order), most recent first.
     */
    public List<KnownNetwork> usedElsewhere(String network, Instant at, Duration window) {
        return networks.stream()
                .filter(n -> !n.network().equals(network))
                .filter(n -> Duration.between(n.lastUsed(), at).abs().compareTo(window) <= 0)
                .sorted(LEAST_RECENT_FIRST.reversed())
                .toList();
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
