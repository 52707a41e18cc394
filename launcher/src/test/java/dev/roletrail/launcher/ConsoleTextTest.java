package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    @Test
    void shouldNeutraliseTerminalEscapesAndForgedLines() {
        String hostile = "curl/8\u001b[2J\u001b[31mALERT fake\nINFO forged line\r\u202e";

        String safe = ConsoleText.safe(hostile);

        assertThat(safe).doesNotContain("\u001b", "\n", "\r", "\u202e")
                .contains("\\u001b[2J", "\\u000a", "\\u202e");
    }

    @Test
    void shouldCutOverlongValuesAndShowAbsentOnes() {
        assertThat(ConsoleText.safe("x".repeat(1000))).hasSize(201).endsWith("…");
        assertThat(ConsoleText.safe(null)).isEqualTo("-");
    }
}
