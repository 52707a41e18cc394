package dev.roletrail.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class CommitPromptTest {

    private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
    private final CommitPrompt prompt = new CommitPrompt(Duration.ofMillis(100));

    @Test
    void shouldAskForACommitAfterTheFirstAlert() {
        context.setCurrentSystemTimeMs(5_000);

        prompt.alerted(context);

        assertThat(context.committed()).isTrue();
    }

    @Test
    void shouldAskAtMostOncePerGap() {
        context.setCurrentSystemTimeMs(5_000);
        prompt.alerted(context);
        context.resetCommit();

        context.setCurrentSystemTimeMs(5_099);
        prompt.alerted(context);
        assertThat(context.committed()).as("within the gap").isFalse();

        context.setCurrentSystemTimeMs(5_100);
        prompt.alerted(context);
        assertThat(context.committed()).isTrue();
    }
}
