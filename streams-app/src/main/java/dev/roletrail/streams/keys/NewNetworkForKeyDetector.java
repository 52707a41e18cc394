package dev.roletrail.streams.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorInfo.Judgement;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.Texts;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.UserAgents;

/**
 * {@code new-network-for-key}: a call signed with long-term key k at event time t from network n, n being the IPv4
 * /24, IPv6 /48 or AWS service name of {@link Observation#network()}, fires when n ∉ networks(k) ∧ t − firstUse(k) ≥
 * learning period ∧ (corroborated ∨ {@code network-alone}), where corroborated is any of:
 * <ul>
 *   <li><b>a new client</b>: the call's user-agent family ∉ clients(k) (when k's clients are known);</li>
 *   <li><b>an attack platform</b>: the user agent names a penetration-testing distribution (Kali, Parrot, Pentoo), as
 *       GuardDuty's {@code PenTest:IAMUser/*} findings do;</li>
 *   <li><b>in two places</b>: k was used from another network (not an AWS service) within {@code concurrent-window} of
 *       t.</li>
 * </ul>
 * A new network alone is what a person working from a hotel looks like, and in an organisation of a thousand people
 * it is hundreds of alerts a month that say nothing (Amazon Detective and GuardDuty also weigh the network with the
 * user agent). A leaked key is used by someone else's tools, or while its owner is still using it. What the rule gives
 * up: an attacker who copies the owner's user agent and waits until the owner is idle; {@code network-alone = true}
 * reports every new network, as the rule did before. A key never seen before is in its learning period.
 * <p>
 * AWS service names ({@code AWS Internal}, {@code *.amazonaws.com}) never fire: they name the service that called on
 * the key holder's behalf, not where the holder is, and the holder's own calls to that service carry its real address
 * and are judged on it. They are still remembered with the key's networks. Calls without an address are neither
 * judged nor remembered. A key remembers at most {@code max-networks} networks (the least recently used is
 * forgotten, and fires again should it come back).
 */
public final class NewNetworkForKeyDetector implements KeyUsageDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "new-network-for-key",
            "Long-term access key used from a new network",
            Severity.MEDIUM,
            List.of("T1078.004", "T1552"),
            "Ask the key's owner whether they work from this network; if not, deactivate the key, rotate it, and "
                    + "look for calls it made from there.",
            Judgement.BASELINE);

    private static final int NETWORKS_SHOWN = 5;
    private static final int CLIENTS_SHOWN = 5;

    private final Duration learningPeriod;
    private final int maxNetworks;
    private final Duration concurrentWindow;
    private final boolean networkAlone;

    public NewNetworkForKeyDetector(DetectorSettings settings) {
        this.learningPeriod = settings.learningPeriod();
        this.maxNetworks = settings.integer("max-networks", 32, 1, 1024);
        this.concurrentWindow = settings.duration("concurrent-window", Duration.ofHours(1), Duration.ZERO,
                Duration.ofDays(1));
        this.networkAlone = settings.bool("network-alone", false);
    }

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    /** How many networks a key remembers. */
    public int maxNetworks() {
        return maxNetworks;
    }

    @Override
    public Optional<Alert> evaluate(KeyUsage before, Observation observation) {
        String network = observation.network();
        // No networks known is no baseline: the key was only used through AWS services, or it went unused for the
        // entity retention and its networks were forgotten (its return is the dormancy detector's to report).
        if (before == null || !observation.longTermKey() || KeyUsage.UNKNOWN_NETWORK.equals(network)
                || awsService(network) || before.networks().isEmpty() || before.knows(network)) {
            return Optional.empty();
        }
        Duration observed = Duration.between(before.firstUsed(), observation.event().eventTime());
        if (observed.compareTo(learningPeriod) < 0) {
            return Optional.empty();
        }
        List<String> corroboration = corroboration(before, observation);
        if (corroboration.isEmpty() && !networkAlone) {
            return Optional.empty();
        }
        List<String> known = before.networksByRecency();
        return Optional.of(AlertFactory.alert(INFO, INFO.severity(), before.keyId(), observation, null,
                "key of " + before.owner() + " used for " + Texts.days(observed) + " ("
                        + Texts.count(before.uses(), "call") + ") from " + Texts.count(known.size(), "network")
                        + ", most recent first: "
                        + Texts.list(known, NETWORKS_SHOWN)
                        + (before.clients().isEmpty() ? "" : "; clients: " + Texts.list(before.clients(),
                                CLIENTS_SHOWN)),
                observation.event().eventSource() + " " + observation.event().eventName() + " from " + network
                        + " (" + observation.event().sourceIpAddress() + "), never seen for this key"
                        + corroboration.stream().map(reason -> "; " + reason).collect(Collectors.joining())));
    }

    /** What else about the call is unusual for the key, each said as a reason; empty when nothing is. */
    private List<String> corroboration(KeyUsage before, Observation observation) {
        List<String> reasons = new ArrayList<>(3);
        String client = observation.userAgentFamily();
        if (!before.clients().isEmpty() && !before.knowsClient(client)) {
            reasons.add("with a client never seen for this key (" + client + ")");
        }
        UserAgents.attackPlatform(observation.event().userAgent())
                .ifPresent(platform -> reasons.add("from " + platform + ", a penetration-testing distribution"));
        Instant at = observation.event().eventTime();
        List<KeyUsage.KnownNetwork> elsewhere = before.usedElsewhere(observation.network(), at, concurrentWindow)
                .stream().filter(n -> !awsService(n.network())).toList();
        if (!elsewhere.isEmpty()) {
            KeyUsage.KnownNetwork latest = elsewhere.get(0);
            Duration apart = Duration.between(latest.lastUsed(), at).abs();
            reasons.add("while used from " + latest.network() + " " + Texts.duration(apart)
                    + (latest.lastUsed().isAfter(at) ? " after" : " before"));
        }
        return reasons;
    }

    /** The name of an AWS service calling on the key holder's behalf, not an address. */
    static boolean awsService(String network) {
        return "AWS Internal".equals(network) || network.endsWith(".amazonaws.com");
    }
}
