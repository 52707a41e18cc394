package dev.roletrail.streams.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailEvent;

class NewNetworkForKeyDetectorTest {

    private static final String DAVE = "arn:aws:iam::111122223333:user/dave";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String HOME = "203.0.113.0/24";
    private static final String CLI = "aws-cli";
    private static final String KALI_CLI = "aws-cli/2.15.30 Python/3.11.8 Linux/6.6.9-kali exe/x86_64";

    /**
     * The rule as it was before corroboration, which these first cases pin: every new network fires. Their keys'
     * clients are not known (usage stored before clients were recorded), so only the network is judged.
     */
    private final NewNetworkForKeyDetector detector = detector(Map.of("detector.new-network-for-key.network-alone",
            "true"));
    private final NewNetworkForKeyDetector corroborated = detector(Map.of());

    @Test
    void shouldFireForANetworkNeverSeenForTheKeyAfterItsLearningPeriod() {
        Observation call = call("198.51.100.7");

        var alert = detector.evaluate(keyFirstUsed(NOW.minus(Duration.ofDays(20))), call);

        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.detector()).isEqualTo("new-network-for-key");
            assertThat(a.entity()).isEqualTo(call.accessKeyId());
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.sourceNetwork()).isEqualTo("198.51.100.0/24");
            assertThat(a.baseline()).isEqualTo("key of " + DAVE + " used for 20 days (1 call) from 1 network, "
                    + "most recent first: " + HOME);
            assertThat(a.unusual()).isEqualTo("iam.amazonaws.com ListRoles from 198.51.100.0/24 (198.51.100.7), "
                    + "never seen for this key");
        });
    }

    @Test
    void shouldStayQuietForAnotherAddressInAKnownNetwork() {
        assertThat(detector.evaluate(keyFirstUsed(NOW.minus(Duration.ofDays(20))), call("203.0.113.99"))).isEmpty();
    }

    @Test
    void shouldFireExactlyAtTheEndOfTheLearningPeriodAndNotBefore() {
        assertThat(detector.evaluate(keyFirstUsed(NOW.minus(Duration.ofDays(14))), call("198.51.100.7"))).isPresent();
        assertThat(detector.evaluate(keyFirstUsed(NOW.minus(Duration.ofDays(14)).plusSeconds(1)), call("198.51.100.7")))
                .isEmpty();
    }

    @Test
    void shouldStayQuietForAKeyNeverSeenBefore() {
        assertThat(detector.evaluate(null, call("198.51.100.7"))).isEmpty();
    }

    @Test
    void shouldStayQuietForAwsServicesCallingOnTheKeysBehalf() {
        KeyUsage key = keyFirstUsed(NOW.minus(Duration.ofDays(20)));

        assertThat(detector.evaluate(key, call("cloudformation.amazonaws.com"))).isEmpty();
        assertThat(detector.evaluate(key, call("AWS Internal"))).isEmpty();
    }

    @Test
    void shouldTellIpv6NetworksApartBy48BitPrefix() {
        KeyUsage key = KeyUsage.first(keyId(), DAVE, NOW.minus(Duration.ofDays(20)), "2001:db8:1::/48", null, 32);

        assertThat(detector.evaluate(key, call("2001:db8:1:ffff::1"))).isEmpty();
        assertThat(detector.evaluate(key, call("2001:db8:2::1"))).hasValueSatisfying(
                a -> assertThat(a.sourceNetwork()).isEqualTo("2001:db8:2::/48"));
    }

    @Test
    void shouldFireAgainForTheLeastRecentlyUsedNetworkOnceForgottenPastTheCap() {
        NewNetworkForKeyDetector twoNetworks = detector(Map.of("detector.new-network-for-key.max-networks", "2",
                "detector.new-network-for-key.network-alone", "true"));
        KeyUsage key = keyFirstUsed(NOW.minus(Duration.ofDays(30)))
                .use(NOW.minus(Duration.ofDays(20)), "198.51.100.0/24", null, twoNetworks.maxNetworks())
                .use(NOW.minus(Duration.ofDays(10)), "192.0.2.0/24", null, twoNetworks.maxNetworks());

        assertThat(key.networksByRecency()).containsExactly("192.0.2.0/24", "198.51.100.0/24");
        assertThat(twoNetworks.evaluate(key, call("203.0.113.10"))).as("the home network was forgotten").isPresent();
        assertThat(twoNetworks.evaluate(key, call("198.51.100.20"))).isEmpty();
    }

    @Test
    void shouldStayQuietForANewNetworkWithTheKeysUsualClientAndNoUseElsewhereNearby() {
        KeyUsage key = keyUsedWith(CLI, NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofHours(20)));

        assertThat(corroborated.evaluate(key, call("198.51.100.7"))).as("a person working from a hotel").isEmpty();
        assertThat(detector.evaluate(key, call("198.51.100.7"))).as("network-alone reports it").isPresent();
    }

    @Test
    void shouldFireForANewNetworkWithAClientNeverSeenForTheKey() {
        KeyUsage key = keyUsedWith(CLI, NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofHours(20)));
        Observation call = TestObservations.of(CloudTrailEvent.byUser(DAVE).from("198.51.100.7").at(NOW)
                .userAgent("python-requests/2.31.0"));

        assertThat(corroborated.evaluate(key, call)).hasValueSatisfying(a -> {
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.baseline()).isEqualTo("key of " + DAVE + " used for 20 days (2 calls) from 1 network, "
                    + "most recent first: " + HOME + "; clients: aws-cli");
            assertThat(a.unusual()).isEqualTo("iam.amazonaws.com ListRoles from 198.51.100.0/24 (198.51.100.7), "
                    + "never seen for this key; with a client never seen for this key (python-requests)");
        });
        assertThat(corroborated.evaluate(key, TestObservations.of(CloudTrailEvent.byUser(DAVE).from("203.0.113.9")
                .at(NOW).userAgent("python-requests/2.31.0")))).as("a new client on a known network").isEmpty();
    }

    @Test
    void shouldFireForANewNetworkFromAPenetrationTestingDistributionWithTheUsualClient() {
        KeyUsage key = keyUsedWith(CLI, NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofHours(20)));
        Observation call = TestObservations.of(CloudTrailEvent.byUser(DAVE).from("198.51.100.7").at(NOW)
                .userAgent(KALI_CLI));

        assertThat(corroborated.evaluate(key, call)).hasValueSatisfying(a -> assertThat(a.unusual())
                .endsWith("never seen for this key; from kali, a penetration-testing distribution"));
    }

    @Test
    void shouldFireForANewNetworkWhileTheKeyIsInUseOnAnotherWithinTheWindow() {
        KeyUsage key = keyUsedWith(CLI, NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofMinutes(10)));

        assertThat(corroborated.evaluate(key, call("198.51.100.7"))).hasValueSatisfying(a -> assertThat(a.unusual())
                .endsWith("never seen for this key; while used from " + HOME + " 10 min before"));
    }

    @Test
    void shouldJudgeUseElsewhereOnlyWithinTheConcurrentWindowAndNeverOnAwsServices() {
        KeyUsage twoHoursAgo = keyUsedWith(CLI, NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofHours(2)));
        NewNetworkForKeyDetector threeHours = detector(Map.of("detector.new-network-for-key.concurrent-window", "3h"));
        KeyUsage throughAService = keyUsedWith(CLI, NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofHours(20)))
                .use(NOW.minus(Duration.ofMinutes(5)), "cloudformation.amazonaws.com", CLI, 32);

        assertThat(corroborated.evaluate(twoHoursAgo, call("198.51.100.7"))).isEmpty();
        assertThat(threeHours.evaluate(twoHoursAgo, call("198.51.100.7"))).hasValueSatisfying(a -> assertThat(
                a.unusual()).endsWith("while used from " + HOME + " 2 h before"));
        assertThat(corroborated.evaluate(throughAService, call("198.51.100.7"))).isEmpty();
    }

    @Test
    void shouldNotCallAClientNewWhenTheKeysClientsAreUnknown() {
        KeyUsage unknownClients = keyFirstUsed(NOW.minus(Duration.ofDays(20)));
        Observation call = TestObservations.of(CloudTrailEvent.byUser(DAVE).from("198.51.100.7").at(NOW)
                .userAgent("python-requests/2.31.0"));

        assertThat(corroborated.evaluate(unknownClients, call)).isEmpty();
    }

    @Test
    void shouldRememberABoundedSetOfClientsAndForgetThemWhenReduced() {
        KeyUsage key = keyUsedWith(CLI, NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(19)));
        for (int i = 0; i < 40; i++) {
            key = key.use(NOW.minus(Duration.ofDays(18)), HOME, "tool" + i, 32);
        }

        assertThat(key.clients()).hasSize(KeyUsage.MAX_CLIENTS).contains(CLI);
        assertThat(key.knowsClient("tool0")).isTrue();
        assertThat(key.knowsClient("tool39")).as("past the cap").isFalse();
        assertThat(key.reduced().clients()).isEmpty();
        assertThat(key.reduced().networks()).isEmpty();
    }

    private static Observation call(String sourceIp) {
        return TestObservations.of(CloudTrailEvent.byUser(DAVE).from(sourceIp).at(NOW));
    }

    /** A key whose clients are not known: usage stored before clients were recorded. */
    private static KeyUsage keyFirstUsed(Instant at) {
        return KeyUsage.first(keyId(), DAVE, at, HOME, null, 32);
    }

    /** A key used at home with {@code client}, first and last at the times given. */
    private static KeyUsage keyUsedWith(String client, Instant first, Instant last) {
        return KeyUsage.first(keyId(), DAVE, first, HOME, client, 32).use(last, HOME, client, 32);
    }

    private static String keyId() {
        return TestObservations.of(CloudTrailEvent.byUser(DAVE)).accessKeyId();
    }

    private static NewNetworkForKeyDetector detector(Map<String, String> settings) {
        return new NewNetworkForKeyDetector(
                new DetectorSettings(NewNetworkForKeyDetector.INFO.id(), Settings.of(settings)));
    }
}
