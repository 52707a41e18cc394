package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.config.Settings;

class HorizonTest {

    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
    /** Tracking period 90 days, dormancy 30, rotation limit 60. */
    private static final FindingsSettings SETTINGS = FindingsSettings.from(Settings.of(Map.of(
            "findings.dormancy", "30d", "findings.key-rotation-limit", "60d")));

    private record Nested(String name, List<Instant> uses, Map<String, Instant> byItem) {
    }

    @Test
    void shouldTurnWhenTheFirstSpanFromAnInstantOfTheInputsIsPassed() {
        Evaluation evaluation = new Evaluation(AT, SETTINGS, null);
        Instant used = AT.minus(Duration.ofDays(40)); // dormant 10 days ago, 60 days old in 20, out of the period in 50
        Instant rotated = AT.minus(Duration.ofDays(55)); // overdue in 5 days

        assertThat(Horizon.of(evaluation, new Nested("role", List.of(used), Map.of("key", rotated))))
                .isEqualTo(AT.plus(Duration.ofDays(5)));
        assertThat(Horizon.of(evaluation, new Nested("role", List.of(used), Map.of())))
                .as("every span counts from every instant: conservative").isEqualTo(used.plus(Duration.ofDays(60)));
    }

    @Test
    void shouldCountAnInstantAtTheEvaluationTimeAndTheObservationStart() {
        Instant since = AT.minus(Duration.ofDays(89));
        assertThat(Horizon.of(new Evaluation(AT, SETTINGS, since), "no instants here"))
                .as("the period will be covered in a day").isEqualTo(since.plus(Duration.ofDays(90)));
        assertThat(Horizon.of(new Evaluation(AT, SETTINGS, null), AT)).as("a comparison turning now").isEqualTo(AT);
    }

    @Test
    void shouldNeverTurnWithoutInstantsAheadOfASpan() {
        Evaluation evaluation = new Evaluation(AT, SETTINGS, null);

        assertThat(Horizon.of(evaluation, new Nested("role", List.of(), Map.of()), null)).isNull();
        assertThat(Horizon.of(evaluation, AT.minus(Duration.ofDays(400)))).as("every span long passed").isNull();
        assertThat(Horizon.of(evaluation, Instant.MAX)).as("beyond epoch millis").isNull();
    }
}
