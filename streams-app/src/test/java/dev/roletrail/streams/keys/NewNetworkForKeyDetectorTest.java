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

    private final NewNetworkForKeyDetector detector = detector(Map.of());

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
        KeyUsage key = KeyUsage.first(keyId(), DAVE, NOW.minus(Duration.ofDays(20)), "2001:db8:1::/48", 32);

        assertThat(detector.evaluate(key, call("2001:db8:1:ffff::1"))).isEmpty();
        assertThat(detector.evaluate(key, call("2001:db8:2::1"))).hasValueSatisfying(
                a -> assertThat(a.sourceNetwork()).isEqualTo("2001:db8:2::/48"));
    }

    @Test
    void shouldFireAgainForTheLeastRecentlyUsedNetworkOnceForgottenPastTheCap() {
        NewNetworkForKeyDetector twoNetworks = detector(Map.of("detector.new-network-for-key.max-networks", "2"));
        KeyUsage key = keyFirstUsed(NOW.minus(Duration.ofDays(30)))
                .use(NOW.minus(Duration.ofDays(20)), "198.51.100.0/24", twoNetworks.maxNetworks())
                .use(NOW.minus(Duration.ofDays(10)), "192.0.2.0/24", twoNetworks.maxNetworks());

        assertThat(key.networksByRecency()).containsExactly("192.0.2.0/24", "198.51.100.0/24");
        assertThat(twoNetworks.evaluate(key, call("203.0.113.10"))).as("the home network was forgotten").isPresent();
        assertThat(twoNetworks.evaluate(key, call("198.51.100.20"))).isEmpty();
    }

    private static Observation call(String sourceIp) {
        return TestObservations.of(CloudTrailEvent.byUser(DAVE).from(sourceIp).at(NOW));
    }

    private static KeyUsage keyFirstUsed(Instant at) {
        return KeyUsage.first(keyId(), DAVE, at, HOME, 32);
    }

    private static String keyId() {
        return TestObservations.of(CloudTrailEvent.byUser(DAVE)).accessKeyId();
    }

    private static NewNetworkForKeyDetector detector(Map<String, String> settings) {
        return new NewNetworkForKeyDetector(
                new DetectorSettings(NewNetworkForKeyDetector.INFO.id(), Settings.of(settings)));
    }
}
