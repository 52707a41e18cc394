package dev.roletrail.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.config.InvalidConfigException;

class LatencyOptionsTest {

    @Test
    void shouldDefaultToTheThreeRatesInAFewMinutes() {
        LatencyOptions options = LatencyOptions.parse();

        assertThat(options).isEqualTo(new LatencyOptions(List.of(100, 1000, 5000), Duration.ofSeconds(60),
                Duration.ofSeconds(20), Duration.ofSeconds(5), 10, 10));
        assertThat(options.duration().plus(options.warmup()).multipliedBy(options.rates().size()))
                .as("the writing alone leaves time for start-up and draining within about six minutes")
                .isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldReadEveryFlag() {
        LatencyOptions options = LatencyOptions.parse("--rates", "1000, 2500", "--duration", "2m", "--warmup", "0s",
                "--poll-interval", "1500ms", "--objects-per-second", "20", "--late-every", "4");

        assertThat(options).isEqualTo(new LatencyOptions(List.of(1000, 2500), Duration.ofMinutes(2), Duration.ZERO,
                Duration.ofMillis(1500), 20, 4));
    }

    @Test
    void shouldNameAWrongFlagOrValueInOneLine() {
        assertThat(assertThrows(InvalidConfigException.class, () -> LatencyOptions.parse("--rate", "100")))
                .hasMessageStartingWith("unknown flag '--rate' (takes --duration,").hasMessageNotContaining("\n");
        assertThat(assertThrows(InvalidConfigException.class, () -> LatencyOptions.parse("--rates", "100,fast")))
                .hasMessage("--rates must be a whole number, was 'fast'");
        assertThat(assertThrows(InvalidConfigException.class, () -> LatencyOptions.parse("--poll-interval", "10ms")))
                .hasMessageStartingWith("--poll-interval must be between");
        assertThat(assertThrows(InvalidConfigException.class, () -> LatencyOptions.parse("--duration")))
                .hasMessage("--duration needs a value");
    }
}
