package dev.roletrail.streams.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.streams.TestStores;

class DueIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private KeyValueStore<String, DueBucket> store;

    @BeforeEach
    void setUp() {
        store = TestStores.inMemory("due-index", new DueBucketSerde());
    }

    @Test
    void shouldTakeOnlyWhatIsDueEarliestFirst() {
        DueIndex index = new DueIndex(store, "held", MINUTE);
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
        DueIndex index = new DueIndex(store, "held", MINUTE);
        index.add("a", T0.plusSeconds(60));
        assertThat(index.takeDue(T0.plusSeconds(60))).containsExactly("a");

        index.add("late", T0);
        index.add("on-time", T0.plusSeconds(120));

        assertThat(index.takeDue(T0.plusSeconds(61))).containsExactly("late");
        assertThat(index.takeDue(T0.plusSeconds(120))).containsExactly("on-time");
    }

    @Test
    void shouldKeepIndexesSharingAStoreApart() {
        DueIndex held = new DueIndex(store, "held", MINUTE);
        DueIndex sessions = new DueIndex(store, "sessions", MINUTE);
        held.add("k1", T0);
        sessions.add("k2", T0);

        assertThat(held.takeDue(T0.plusSeconds(1))).containsExactly("k1");
        assertThat(sessions.takeDue(T0.plusSeconds(1))).containsExactly("k2");
    }

    @Test
    void shouldSortByTimeAcrossDigitCountsAndKeepKeysWithSeparators() {
        DueIndex index = new DueIndex(store, "x", MINUTE);
        index.add("key|with|bars", Instant.ofEpochMilli(999));
        index.add("later", Instant.ofEpochMilli(1_000));
        index.add("before-epoch", Instant.ofEpochMilli(-5));

        assertThat(index.takeDue(Instant.ofEpochMilli(999))).containsExactly("before-epoch", "key|with|bars");
        assertThat(index.takeDue(Instant.ofEpochMilli(1_000))).containsExactly("later");
    }

    @Test
    void shouldKeepKeysInRowsPerBucketNotOneRowPerKey() {
        DueIndex index = new DueIndex(store, "sessions", MINUTE);
        for (int i = 0; i < 500; i++) {
            index.add("key-" + i, T0.plusMillis(i * 100L)); // 50 s: all in the first minute
        }
        index.add("next-minute", T0.plusSeconds(61));

        assertThat(rows()).as("two rows of at most %d for the first minute, one for the next", DueIndex.ROW_KEYS)
                .isEqualTo(3);
        assertThat(index.takeDue(T0.plusSeconds(30))).hasSize(301).startsWith("key-0", "key-1").endsWith("key-300");
        assertThat(rows()).as("rows stand until the minute is over, the first one emptied").isEqualTo(3);
        DueIndex restarted = new DueIndex(store, "sessions", MINUTE);
        restarted.add("key-500", T0.plusSeconds(59));
        assertThat(restarted.takeDue(T0.plusSeconds(60))).hasSize(200).endsWith("key-499", "key-500");
        assertThat(rows()).as("an emptied minute is dropped whole").isEqualTo(1);
        assertThat(restarted.takeDue(T0.plusSeconds(61))).containsExactly("next-minute");
    }

    @Test
    void shouldTakeABucketOnlyPartlyWhenItsTimeIsNotOver() {
        DueIndex index = new DueIndex(store, "held", Duration.ofMinutes(10));
        index.add("at-2", T0.plusSeconds(120));
        index.add("at-9", T0.plusSeconds(540));

        assertThat(index.takeDue(T0.plusSeconds(300))).containsExactly("at-2");
        assertThat(index.takeDue(T0.plusSeconds(539))).isEmpty();
        assertThat(index.takeDue(T0.plusSeconds(540))).containsExactly("at-9");
        assertThat(rows()).as("an emptied row stands until its bucket's time is over").isEqualTo(1);
        assertThat(index.takeDue(T0.plusSeconds(600))).isEmpty();
        assertThat(rows()).isZero();
    }

    @Test
    void shouldFindRowsLeftByAnEarlierInstanceAfterARestart() {
        new DueIndex(store, "held", MINUTE).add("before-restart", T0);
        DueIndex restarted = new DueIndex(store, "held", MINUTE);
        restarted.add("after-restart", T0.plusSeconds(3_600));

        assertThat(restarted.takeDue(T0.plusSeconds(3_600))).containsExactly("before-restart", "after-restart");
    }

    @Test
    void shouldReadNoRowWhereNoBucketHoldsAny() {
        AtomicInteger lookups = new AtomicInteger();
        @SuppressWarnings("unchecked")
        KeyValueStore<String, DueBucket> counted = (KeyValueStore<String, DueBucket>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        lookups.incrementAndGet();
                    }
                    return method.invoke(store, args);
                });
        DueIndex index = new DueIndex(counted, "held", MINUTE);
        index.add("in-an-hour", T0.plus(Duration.ofHours(1)));
        int afterAdd = lookups.get();

        for (int minute = 0; minute < 59; minute++) {
            assertThat(index.takeDue(T0.plus(MINUTE.multipliedBy(minute)))).isEmpty();
        }
        assertThat(lookups.get()).as("59 ticks before the only bucket").isEqualTo(afterAdd);
        assertThat(index.takeDue(T0.plus(Duration.ofHours(1)))).containsExactly("in-an-hour");
    }

    @Test
    void shouldCrossAJumpOfStreamTimeOfMonths() {
        DueIndex index = new DueIndex(store, "held", MINUTE);
        index.add("now", T0);
        assertThat(index.takeDue(T0)).containsExactly("now");
        index.add("in-a-week", T0.plus(Duration.ofDays(7)));
        index.add("in-a-month", T0.plus(Duration.ofDays(30)));

        assertThat(index.takeDue(T0.plus(Duration.ofDays(90)))).containsExactly("in-a-week", "in-a-month");
        assertThat(rows()).isZero();
    }

    @Test
    void shouldNoteAKeyOnceAtItsEarliestTime() {
        DueIndex index = new DueIndex(store, "held", MINUTE);
        index.add("a", T0.plusSeconds(20));
        index.add("a", T0.plusSeconds(10));
        index.add("a", T0.plusSeconds(20));

        assertThat(index.takeDue(T0.plusSeconds(10))).containsExactly("a");
        assertThat(index.takeDue(T0.plusSeconds(20))).isEmpty();
    }

    @Test
    void shouldReadBackABucketAsWritten() {
        DueBucket bucket = new DueBucket();
        bucket.add("ASIA\u00e9|key", 42);
        bucket.add("second", -1);
        DueBucketSerde serde = new DueBucketSerde();

        DueBucket read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", bucket));

        assertThat(read.dues()).containsExactly(Map.entry("ASIA\u00e9|key", 42L), Map.entry("second", -1L));
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0, 0, 5, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not a due-index bucket");
    }

    @Test
    void shouldExpireWhatIsUpAndIndexAgainWhatMovedLater() {
        DueIndex index = new DueIndex(store, "held", MINUTE);
        Map<String, Instant> expiries = new java.util.HashMap<>(Map.of("up", T0, "moved", T0.plusSeconds(300),
                "forever", Instant.MAX));
        expiries.keySet().forEach(key -> index.add(key, T0));
        index.add("gone", T0);
        java.util.List<String> deleted = new java.util.ArrayList<>();

        index.expireDue(T0, expiries::get, expiry -> expiry.equals(Instant.MAX) ? null : expiry, deleted::add);

        assertThat(deleted).containsExactly("up");
        assertThat(index.takeDue(T0.plusSeconds(299))).isEmpty();
        assertThat(index.takeDue(T0.plusSeconds(300))).as("indexed again at its new time").containsExactly("moved");
    }

    private long rows() {
        try (KeyValueIterator<String, DueBucket> all = store.all()) {
            long count = 0;
            while (all.hasNext()) {
                all.next();
                count++;
            }
            return count;
        }
    }

    @Test
    void shouldRefuseANameThatWouldCollideWithTheKeyFormat() {
        assertThatThrownBy(() -> new DueIndex(store, "a|b", MINUTE)).isInstanceOf(IllegalArgumentException.class);
    }
}
