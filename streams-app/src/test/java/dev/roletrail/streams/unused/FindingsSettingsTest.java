package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.detect.KnownAccounts;
import dev.roletrail.streams.detect.SensitiveRoleAssumedDetector;
import dev.roletrail.streams.detect.SensitiveRoles;
import dev.roletrail.streams.nhi.IdentitySettings;

class FindingsSettingsTest {

    @Test
    void shouldDefaultToNinetyDaysAndTheDetectorsDormancy() {
        FindingsSettings defaults = StreamsAppConfig.from(Settings.of(Map.of())).findings();
        FindingsSettings dormancy = FindingsSettings.from(Settings.of(Map.of(
                "detector.dormant-credential-reactivated.dormancy", "30d")));

        assertThat(defaults).isEqualTo(new FindingsSettings(Duration.ofDays(90), Duration.ofDays(90),
                Duration.ofDays(90), 5, 10, 5, 1000, 0, SensitiveRoles.defaults(), new IdentitySettings(
                        List.of("owner", "team", "Owner", "Team"), false, 4), new KnownAccounts(Set.of(), Set.of())));
        assertThat(dormancy.dormancy()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void shouldReadEverySetting() {
        Map<String, String> values = new HashMap<>(Map.of(
                "findings.tracking-period", "30d", "findings.key-rotation-limit", "P180D", "findings.dormancy", "60d",
                "findings.shared-role.min-assumers", "3", "findings.shared-role.min-networks", "4",
                "findings.shared-role.min-clients", "6", "findings.evaluation-chunk", "250",
                "findings.partitions", "12", "org.sensitive-roles", "*:role/prod-*"));
        values.putAll(Map.of("identities.owner-tags", "CostCenterOwner", "identities.owners-are-iam-users", "true",
                "identities.shared-credential.min-networks", "7", "org.accounts", "111122223333"));
        FindingsSettings settings = FindingsSettings.from(Settings.of(values));

        assertThat(settings).isEqualTo(new FindingsSettings(Duration.ofDays(30), Duration.ofDays(180),
                Duration.ofDays(60), 3, 4, 6, 250, 12, new SensitiveRoles(List.of("*:role/prod-*"),
                        SensitiveRoleAssumedDetector.DEFAULT_BREAK_GLASS),
                new IdentitySettings(List.of("CostCenterOwner"), true, 7),
                new KnownAccounts(Set.of("111122223333"), Set.of())));
    }

    @Test
    void shouldRejectATrackingPeriodOutsideOneTo365DaysInOneLine() {
        assertThatThrownBy(() -> FindingsSettings.from(Settings.of(Map.of("findings.tracking-period", "400d"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("findings.tracking-period must be between PT24H and PT8760H, was PT9600H");
        assertThatThrownBy(() -> FindingsSettings.from(Settings.of(Map.of("findings.shared-role.min-assumers", "x"))))
                .hasMessage("findings.shared-role.min-assumers must be a whole number, was 'x'");
    }
}
