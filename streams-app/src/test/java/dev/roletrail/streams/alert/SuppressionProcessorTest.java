package dev.roletrail.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.TestStores;
import dev.roletrail.streams.report.ReportSamples;
import dev.roletrail.streams.state.StateSerde;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.DueBucketSerde;
import dev.roletrail.streams.time.EndOfInput;

/** The suppression step tells the end of input when its summaries of repeats are out, as the findings step does. */
class SuppressionProcessorTest {

    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private final MockProcessorContext<String, Alert> context = new MockProcessorContext<>();
    private final EndOfInput endOfInput = new EndOfInput();
    private final SuppressionProcessor suppression = new SuppressionProcessor(Duration.ofHours(24), endOfInput);

    @BeforeEach
    void start() {
        context.setCurrentSystemTimeMs(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli()); // a backfill's alerts
        context.setCurrentStreamTimeMs(T0.plusSeconds(1200).toEpochMilli());
        TestStores.inMemory(StoreNames.ALERT_SUPPRESSION, StateSerde.of(SuppressionState.class), context);
        TestStores.inMemory(StoreNames.ALERT_SUPPRESSION_TIMERS, new DueBucketSerde(), context);
        suppression.init(context);
    }

    @Test
    void shouldNotBeSettledAfterTheEndUntilTheSummaryOfARepeatIsOut() {
        send(ReportSamples.alert("a-1", T0, "aws-cli"));
        send(ReportSamples.alert("a-2", T0.plusSeconds(600), "aws-cli")); // a repeat: counted, not sent
        endOfInput.signal();
        assertThat(endOfInput.settled()).as("the repeat's summary is still to send").isFalse();

        punctuate();

        assertThat(context.forwarded()).last().satisfies(out -> assertThat(out.record().value().count()).isEqualTo(2));
        assertThat(endOfInput.settled()).isTrue();

        send(ReportSamples.alert("a-3", T0.plusSeconds(1200), "aws-cli")); // a held call's alert, after the end
        assertThat(endOfInput.settled()).isFalse();
        punctuate();
        assertThat(endOfInput.settled()).isTrue();
    }

    private void send(Alert alert) {
        suppression.process(new Record<>(alert.detector() + "|" + alert.entity(), alert,
                alert.firstEventTime().toEpochMilli()));
    }

    private void punctuate() {
        for (CapturedPunctuator punctuator : context.scheduledPunctuators()) {
            punctuator.getPunctuator().punctuate(context.currentSystemTimeMs());
        }
    }
}
