package dev.roletrail.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.report.ReportSamples;

class KeyBySuppressionTest {

    @Test
    void shouldKeyTheAlertByDetectorAndEntityAndAskForACommit() {
        MockProcessorContext<String, Alert> context = new MockProcessorContext<>();
        Instant at = Instant.parse("2026-11-20T09:00:00Z");
        context.setCurrentSystemTimeMs(at.plusSeconds(300).toEpochMilli());
        KeyBySuppression processor = new KeyBySuppression();
        processor.init(context);
        Alert alert = ReportSamples.alert("a-1", at, "aws-cli/2.15.0");

        processor.process(new Record<>(alert.id(), alert, at.toEpochMilli()));

        assertThat(context.forwarded()).singleElement().satisfies(forwarded -> {
            assertThat(forwarded.record().key()).isEqualTo(alert.detector() + "|" + alert.entity());
            assertThat(forwarded.record().value()).isEqualTo(alert);
            assertThat(forwarded.record().timestamp()).isEqualTo(at.toEpochMilli());
        });
        assertThat(context.committed()).as("an alert about an event five minutes old").isTrue();
    }
}
