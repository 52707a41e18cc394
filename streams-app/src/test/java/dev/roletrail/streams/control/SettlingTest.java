package dev.roletrail.streams.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SettlingTest {

    @Test
    void shouldWaitForTwoSettledAnswersInARowEachAfterNoLag() throws Exception {
        ArrayDeque<Boolean> answers = new ArrayDeque<>(List.of(true, false, true, true, true));
        AtomicInteger lagChecks = new AtomicInteger();

        Settling.await(lagChecks::incrementAndGet, answers::remove, Duration.ofSeconds(10));

        assertThat(answers).as("a settled answer, then an unsettled one, starts the count again").containsExactly(true);
        assertThat(lagChecks).hasValue(4);
    }

    @Test
    void shouldGiveUpNamingTheTimeoutWhenTheAppNeverSettles() {
        assertThatThrownBy(() -> Settling.await(() -> { }, () -> false, Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class).hasMessage("the streams app did not settle within PT0.3S");
    }
}
