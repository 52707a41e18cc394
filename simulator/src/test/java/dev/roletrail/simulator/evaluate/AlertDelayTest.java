package dev.roletrail.simulator.evaluate;

import static dev.roletrail.simulator.evaluate.Evidence.KEY;
import static dev.roletrail.simulator.evaluate.Evidence.T;
import static dev.roletrail.simulator.evaluate.Evidence.alertAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.roletrail.simulator.label.Label;

class AlertDelayTest {

    private static final String DETECTOR = "new-network-for-key";
    /** Four events: at T, T+30 s, T+60 s and T+600 s. */
    private static final Label LEAK = Label.alerts("leak", "t", T, T.plusSeconds(600), List.of(KEY), DETECTOR)
            .withEventTimes(List.of(T.plusSeconds(600), T, T.plusSeconds(60), T.plusSeconds(30)));

    @Test
    void shouldMeasureFromTheScenariosFirstEventToTheEarliestAlertAndCountTheEventsByThen() {
        Optional<AlertDelay> delay = AlertDelay.of(LEAK, List.of(alertAt(DETECTOR, KEY, T.plusSeconds(300)),
                alertAt(DETECTOR, KEY, T.plusSeconds(60))));

        assertThat(delay).contains(new AlertDelay("leak", 60, 0.75));
    }

    @Test
    void shouldCountAnAlertOnTheFirstEventAsImmediateWithOneEventOfFourHappened() {
        assertThat(AlertDelay.of(LEAK, List.of(alertAt(DETECTOR, KEY, T)))).contains(new AlertDelay("leak", 0, 0.25));
    }

    @Test
    void shouldCountAnAlertOpenBeforeTheScenarioAsBeforeAnyOfItsEvents() {
        assertThat(AlertDelay.of(LEAK, List.of(alertAt(DETECTOR, KEY, T.minusSeconds(3_600)))))
                .contains(new AlertDelay("leak", 0, 0.0));
    }

    @Test
    void shouldLeaveTheShareUnknownWithoutEventTimesAndGiveNoDelayWithoutAnAlert() {
        Label withoutTimes = Label.alerts("leak", "t", T, T, List.of(KEY), DETECTOR);
        Instant fired = T.plusSeconds(7_200);

        assertThat(AlertDelay.of(withoutTimes, List.of(alertAt(DETECTOR, KEY, fired))))
                .contains(new AlertDelay("leak", 7_200, null));
        assertThat(AlertDelay.of(LEAK, List.of())).isEmpty();
    }

    @Test
    void shouldSummariseARowsDelaysAsMedianMaximumAndLargestShare() {
        ScoreRow row = new ScoreRow("detector", DETECTOR, 3, 3, List.of(), 0, 0, List.of(), List.of(
                new AlertDelay("a", 600, 0.5), new AlertDelay("b", 5, 1.0), new AlertDelay("c", 60, null)));

        assertThat(row.delayMedianSeconds()).isEqualTo(60);
        assertThat(row.delayMaxSeconds()).isEqualTo(600);
        assertThat(row.shareMax()).isEqualTo(1.0);
        assertThat(new ScoreRow("finding", "unused-role", 0, 0, List.of(), 0, 0, List.of()).delayMedianSeconds())
                .isNull();
    }

    @Test
    void shouldFormatDelaysInTheUnitThatReads() {
        assertThat(List.of(DelayText.of(0), DelayText.of(119), DelayText.of(120), DelayText.of(7_199),
                DelayText.of(9_000))).containsExactly("0s", "119s", "2m", "119m", "2.5h");
    }
}
