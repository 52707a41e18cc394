package dev.roletrail.streams.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.streams.TestStores;

class DueIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private KeyValueStore<String, String> store;

    @BeforeEach
    void setUp() {
        store = TestStores.inMemory("timers", Serdes.String());
    }

    @Test
    void shouldTakeOnlyWhatIsDueEarliestFirst() {
        DueIndex index = new DueIndex(store, "held");
        index.add("late", T0.plusSeconds(120));
        index.add("b", T0.plusSeconds(60));
        index.add("a", T0);
        index.add("exact", T0.plusSeconds(90));

        assertThat(index.takeDue(T0.plusSeconds(90))).containsExactly("a", "b", "exact");
        assertThat(index.takeDue(T0.plusSeconds(90))).as("taken keys are gone").isEmpty();
        assertThat(index.takeDue(T0.plusSeconds(119))).isEmpty();
        assertThat(index.takeDue(T0.plusSeconds(120))).containsExactly("late");
    }

    @Test
    void shouldStillTakeAKeyAddedWithATimeAlreadyPast() {
        DueIndex index = new DueIndex(store, "held");
        index.add("a", T0.plusSeconds(60));
        assertThat(index.takeDue(T0.plusSeconds(60))).containsExactly("a");

        index.add("late", T0);
        index.add("on-time", T0.plusSeconds(120));

        assertThat(index.takeDue(T0.plusSeconds(61))).containsExactly("late");
        assertThat(index.takeDue(T0.plusSeconds(120))).containsExactly("on-time");
    }

    @Test
    void shouldKeepIndexesSharingAStoreApart() {
        DueIndex held = new DueIndex(store, "held");
        DueIndex sessions = new DueIndex(store, "sessions");
        held.add("k1", T0);
        sessions.add("k2", T0);

        assertThat(held.takeDue(T0.plusSeconds(1))).containsExactly("k1");
        assertThat(sessions.takeDue(T0.plusSeconds(1))).containsExactly("k2");
    }

    @Test
    void shouldSortByTimeAcrossDigitCountsAndKeepKeysWithSeparators() {
        DueIndex index = new DueIndex(store, "x");
        index.add("key|with|bars", Instant.ofEpochMilli(999));
        index.add("later", Instant.ofEpochMilli(1_000));
        index.add("before-epoch", Instant.ofEpochMilli(-5));

        assertThat(index.takeDue(Instant.ofEpochMilli(999))).containsExactly("before-epoch", "key|with|bars");
        assertThat(index.takeDue(Instant.ofEpochMilli(1_000))).containsExactly("later");
    }

    @Test
    void shouldRefuseANameThatWouldCollideWithTheKeyFormat() {
        assertThatThrownBy(() -> new DueIndex(store, "a|b")).isInstanceOf(IllegalArgumentException.class);
    }
}
