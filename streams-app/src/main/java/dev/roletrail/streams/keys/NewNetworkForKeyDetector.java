package dev.roletrail.streams.keys;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorInfo.Judgement;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.Texts;
import dev.roletrail.streams.identity.Observation;

/**
 * {@code new-network-for-key}: a call signed with long-term key k at event time t from network n fires when
 * n ∉ networks(k) ∧ t − firstUse(k) ≥ learning period, n being the IPv4 /24, IPv6 /48 or AWS service name of
 * {@link Observation#network()}. A key never seen before is in its learning period.
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

    private final Duration learningPeriod;
    private final int maxNetworks;

    public NewNetworkForKeyDetector(DetectorSettings settings) {
        this.learningPeriod = settings.learningPeriod();
        this.maxNetworks = settings.integer("max-networks", 32, 1, 1024);
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
        List<String> known = before.networksByRecency();
        return Optional.of(AlertFactory.alert(INFO, INFO.severity(), before.keyId(), observation, null,
                "key of " + before.owner() + " used for " + Texts.days(observed) + " ("
                        + Texts.count(before.uses(), "call") + ") from " + Texts.count(known.size(), "network")
                        + ", most recent first: "
                        + Texts.list(known, NETWORKS_SHOWN),
                observation.event().eventSource() + " " + observation.event().eventName() + " from " + network
                        + " (" + observation.event().sourceIpAddress() + "), never seen for this key"));
    }

    /** The name of an AWS service calling on the key holder's behalf, not an address. */
    static boolean awsService(String network) {
        return "AWS Internal".equals(network) || network.endsWith(".amazonaws.com");
    }
}
