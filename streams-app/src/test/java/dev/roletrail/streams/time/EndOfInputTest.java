package dev.roletrail.streams.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndOfInputTest {

    private final EndOfInput endOfInput = new EndOfInput();

    @Test
    void shouldBeSettledOnlyAfterTheSignalAndOnceNoWorkerHasWorkLeft() {
        WorkReport recorder = new WorkReport(endOfInput);
        WorkReport findings = new WorkReport(endOfInput);
        recorder.start("record-usage 0_0", true);
        findings.start("evaluate-findings 5_0", false);
        assertThat(endOfInput.settled()).as("not signalled").isFalse();

        endOfInput.signal();
        assertThat(endOfInput.settled()).isFalse();
        recorder.report(false);
        assertThat(endOfInput.settled()).isTrue();
        findings.report(true);
        assertThat(endOfInput.settled()).as("a pass started").isFalse();
        findings.close();
        assertThat(endOfInput.settled()).as("its task closed here").isTrue();
    }
}
