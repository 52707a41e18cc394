package dev.roletrail.streams.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WallClockWaitTest {

    private static final long START = 1_000_000L;
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private final WallClockWait wait = started(Duration.ofMinutes(10));

    @Test
    void shouldBeOverOnlyOnceTheMinimumPassedSinceTheKeyBegan() {
        wait.began("key", START + MINUTE);

        assertThat(wait.over("key", START + 10 * MINUTE)).as("nine minutes").isFalse();
        assertThat(wait.over("key", START + 11 * MINUTE)).as("ten minutes").isTrue();
    }

    @Test
    void shouldCountAKeyNotSeenSinceTheStartFromTheStart() {
        assertThat(wait.over("unseen", START + 10 * MINUTE - 1)).isFalse();
        assertThat(wait.over("unseen", START + 10 * MINUTE)).isTrue();
    }

    @Test
    void shouldCountFromTheLatestActivity() {
        wait.began("key", START);
        wait.began("key", START + 5 * MINUTE);

        assertThat(wait.over("key", START + 12 * MINUTE)).isFalse();
        assertThat(wait.over("key", START + 15 * MINUTE)).isTrue();
    }

    @Test
    void shouldTakeTheKeysAwaitingTheWallClockOnceTheirMinimumIsOverAndForgetThem() {
        wait.began("early", START);
        wait.began("late", START + 5 * MINUTE);
        wait.awaitWall("early");
        wait.awaitWall("late");
        wait.began("not-awaiting", START);

        assertThat(wait.takeOver(START + 11 * MINUTE)).containsExactly("early");
        assertThat(wait.takeOver(START + 11 * MINUTE)).as("taken once").isEmpty();
        assertThat(wait.over("early", START + 11 * MINUTE)).as("forgotten: counted from the start again").isTrue();
        assertThat(wait.takeOver(START + 15 * MINUTE)).containsExactly("late");
    }

    @Test
    void shouldStopAwaitingTheWallClockWhenTheKeyIsActiveAgain() {
        wait.awaitWall("key");

        assertThat(wait.stopAwaitingWall("key")).isTrue();
        assertThat(wait.stopAwaitingWall("key")).as("no longer awaiting").isFalse();
        assertThat(wait.takeOver(START + 60 * MINUTE)).isEmpty();
    }

    @Test
    void shouldForgetAKeyWhoseWaitEnded() {
        wait.began("key", START + 5 * MINUTE);
        wait.awaitWall("key");

        wait.forget("key");

        assertThat(wait.takeOver(START + 60 * MINUTE)).isEmpty();
        assertThat(wait.over("key", START + 10 * MINUTE)).as("counted from the start again").isTrue();
    }

    @Test
    void shouldAskForRecoveryOncePerStart() {
        assertThat(wait.recoverOnce()).isTrue();
        assertThat(wait.recoverOnce()).isFalse();
    }

    @Test
    void shouldNeedNoRecoveryOnceEverythingWasLetGo() {
        wait.awaitWall("key");

        wait.clearAwaitingWall();

        assertThat(wait.recoverOnce()).isFalse();
        assertThat(wait.takeOver(START + 60 * MINUTE)).isEmpty();
    }

    @Test
    void shouldWaitForNothingWithAMinimumOfZero() {
        WallClockWait none = started(Duration.ZERO);
        none.began("key", START);

        assertThat(none.enabled()).isFalse();
        assertThat(none.over("key", START)).isTrue();
        assertThat(none.recoverOnce()).as("nothing to recover").isFalse();
    }

    private static WallClockWait started(Duration minimum) {
        WallClockWait wait = new WallClockWait(minimum);
        wait.start(START);
        return wait;
    }
}
