package dev.roletrail.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitPromptTest {

    private static final long NOW = Duration.ofDays(20_000).toMillis();
    private static final long TEN_MINUTES_AGO = NOW - Duration.ofMinutes(10).toMillis();

    private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
    private final CommitPrompt prompt = new CommitPrompt();

    @BeforeEach
    void initPrompt() {
        prompt.init(context);
    }

    @Test
    void shouldAskForACommitAfterALiveAlert() {
        context.setCurrentSystemTimeMs(NOW);

        prompt.alerted(TEN_MINUTES_AGO);

        assertThat(context.committed()).isTrue();
    }

    @Test
    void shouldNotAskForAnAlertAboutAnEventOlderThanAnHour() {
        context.setCurrentSystemTimeMs(NOW);

        prompt.alerted(NOW - Duration.ofMinutes(61).toMillis());
        assertThat(context.committed()).as("a backfill's alert").isFalse();

        prompt.alerted(NOW - Duration.ofMinutes(60).toMillis());
        assertThat(context.committed()).isTrue();
    }

    @Test
    void shouldAskAtMostOncePerGap() {
        context.setCurrentSystemTimeMs(NOW);
        prompt.alerted(TEN_MINUTES_AGO);
        context.resetCommit();

        context.setCurrentSystemTimeMs(NOW + 99);
        prompt.alerted(TEN_MINUTES_AGO);
        assertThat(context.committed()).as("within the gap").isFalse();

        context.setCurrentSystemTimeMs(NOW + 100);
        prompt.alerted(TEN_MINUTES_AGO);
        assertThat(context.committed()).isTrue();
    }

    @Test
    void shouldAskAtTheNextWallClockCheckForAnAlertTheGapHeldBack() {
        MockProcessorContext.CapturedPunctuator check = context.scheduledPunctuators().get(0);
        assertThat(check.getInterval()).isEqualTo(Duration.ofMillis(CommitPrompt.MIN_GAP_MS));
        assertThat(check.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
        context.setCurrentSystemTimeMs(NOW);
        prompt.alerted(TEN_MINUTES_AGO);
        context.resetCommit();

        check.getPunctuator().punctuate(NOW + 40);
        assertThat(context.committed()).as("nothing held back").isFalse();

        context.setCurrentSystemTimeMs(NOW + 50);
        prompt.alerted(TEN_MINUTES_AGO);
        assertThat(context.committed()).as("within the gap").isFalse();
        check.getPunctuator().punctuate(NOW + 90);
        assertThat(context.committed()).as("the held-back alert asks at the check").isTrue();

        context.resetCommit();
        check.getPunctuator().punctuate(NOW + 190);
        assertThat(context.committed()).as("asked once").isFalse();
    }
}
