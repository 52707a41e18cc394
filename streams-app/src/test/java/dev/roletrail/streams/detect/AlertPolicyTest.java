package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.streams.profile.FirstTimeAssumptionDetector;
import dev.roletrail.testkit.CloudTrailEvent;

class AlertPolicyTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private final Alert rootAlert = alert(RootActivityDetector.INFO);
    private final Alert aliceAlert = alert(FirstTimeAssumptionDetector.INFO);

    @Test
    void shouldLetAlertsThroughByDefault() {
        AlertPolicy policy = new AlertPolicy(Settings.of(Map.of()), DetectorCatalog.ALL);

        assertThat(policy.test(null, rootAlert)).isTrue();
        assertThat(policy.test(null, aliceAlert)).isTrue();
    }

    @Test
    void shouldDropAlertsOfADisabledDetectorOrAnAllowlistedPrincipal() {
        AlertPolicy policy = new AlertPolicy(Settings.of(Map.of(
                "detector.root-activity.enabled", "false",
                "detector.first-time-assumption.allow.principals", "arn:aws:iam::*:user/ali*")), DetectorCatalog.ALL);

        assertThat(policy.test(null, rootAlert)).isFalse();
        assertThat(policy.test(null, aliceAlert)).isFalse();
    }

    @Test
    void shouldRejectAWrongSettingWhenBuilt() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new AlertPolicy(
                Settings.of(Map.of("detector.role-chain.enabled", "perhaps")), DetectorCatalog.ALL));

        assertThat(e).hasMessageContaining("detector.role-chain.enabled");
    }

    private static Alert alert(DetectorInfo info) {
        return AlertFactory.alert(info, info.severity(), "entity",
                TestObservations.of(CloudTrailEvent.byUser(ALICE).at(Instant.parse("2026-11-01T00:00:00Z"))),
                null, "baseline", "unusual");
    }
}
