package dev.roletrail.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;

class SiemForwardTest {

    @Test
    void shouldForwardFindingsOnlyByDefault() {
        assertThat(SiemForward.from(Settings.of(Map.of()))).isEqualTo(new SiemForward(true, false));
    }

    @Test
    void shouldReadEveryAllowedValue() {
        assertThat(forward("findings,identity-activity")).isEqualTo(new SiemForward(true, true));
        assertThat(forward(" Identity-Activity ")).isEqualTo(new SiemForward(false, true));
        assertThat(forward("none")).isEqualTo(new SiemForward(false, false));
        assertThat(forward("none").any()).isFalse();
    }

    @Test
    void shouldRejectUnknownOrContradictoryValuesInOneLine() {
        InvalidConfigException unknown = assertThrows(InvalidConfigException.class, () -> forward("alerts"));
        InvalidConfigException contradictory = assertThrows(InvalidConfigException.class,
                () -> forward("none,findings"));

        assertThat(unknown.getMessage()).isEqualTo("siem.forward must be none, findings, identity-activity or"
                + " findings,identity-activity, was 'alerts'").doesNotContain("\n");
        assertThat(contradictory.getMessage()).contains("was 'none,findings'");
    }

    private static SiemForward forward(String value) {
        return SiemForward.from(Settings.of(Map.of("siem.forward", value)));
    }
}
