package dev.roletrail.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import dev.roletrail.streams.TestStores;

class WriteBackStoreTest {

    private final KeyValueStore<String, Long> below = TestStores.inMemory("below", Serdes.Long());

    @Test
    void shouldKeepWritesInMemoryUntilTheCommit() {
        WriteBackStore<Long> store = new WriteBackStore<>(below, 10);

        store.put("a", 1L);
        store.put("a", 2L);

        assertThat(store.get("a")).isEqualTo(2L);
        assertThat(below.get("a")).as("not written back before the commit").isNull();

        store.flushCache();

        assertThat(below.get("a")).as("Kafka Streams flushes caches before every commit").isEqualTo(2L);
    }

    @Test
    void shouldWriteBackAtACheckpointToo() {
        WriteBackStore<Long> store = new WriteBackStore<>(below, 10);
        store.put("a", 1L);

        store.commit(Map.of());

        assertThat(below.get("a")).isEqualTo(1L);
    }

    @Test
    void shouldWriteADeletionBackAsOne() {
        below.put("a", 1L);
        WriteBackStore<Long> store = new WriteBackStore<>(below, 10);

        assertThat(store.delete("a")).isEqualTo(1L);
        assertThat(store.get("a")).isNull();
        assertThat(below.get("a")).isEqualTo(1L);

        store.flush();

        assertThat(below.get("a")).isNull();
    }

    @Test
    void shouldReadThroughAndRememberWhatIsBelow() {
        below.put("a", 1L);
        WriteBackStore<Long> store = new WriteBackStore<>(below, 10);

        assertThat(store.get("a")).isEqualTo(1L);
        assertThat(store.get("missing")).isNull();
        assertThat(store.putIfAbsent("a", 5L)).isEqualTo(1L);
        assertThat(store.putIfAbsent("b", 5L)).isNull();
        assertThat(store.get("b")).isEqualTo(5L);
    }

    @Test
    void shouldLetRangesAndScansSeeEveryWrite() {
        below.put("k|1", 1L);
        WriteBackStore<Long> store = new WriteBackStore<>(below, 10);
        store.putAll(List.of(KeyValue.pair("k|2", 2L), KeyValue.pair("x|1", 9L)));
        store.delete("k|1");

        assertThat(keys(store.range("k|", "k|~"))).containsExactly("k|2");
        assertThat(keys(store.prefixScan("x", new StringSerializer()))).containsExactly("x|1");
        assertThat(keys(store.all())).containsExactly("k|2", "x|1");
        assertThat(store.approximateNumEntries()).isEqualTo(2);
    }

    @Test
    void shouldMergeARangeWithTheWritesNotWrittenBackAndWriteNothingBack() {
        below.put("k|1", 1L);
        below.put("k|3", 3L);
        below.put("k|5", 5L);
        WriteBackStore<Long> store = new WriteBackStore<>(below, 100);
        store.put("k|2", 2L);
        store.put("k|3", 30L);
        store.delete("k|5");
        store.put("k|6", 6L);
        store.put("z", 26L);

        assertThat(entries(store.range("k|", "k|~")))
                .containsExactly(KeyValue.pair("k|1", 1L), KeyValue.pair("k|2", 2L), KeyValue.pair("k|3", 30L),
                        KeyValue.pair("k|6", 6L));
        assertThat(entries(store.range("k|2", "k|5"))).as("bounds included")
                .containsExactly(KeyValue.pair("k|2", 2L), KeyValue.pair("k|3", 30L));
        assertThat(keys(store.range(null, "k|2"))).containsExactly("k|1", "k|2");
        assertThat(keys(store.range("k|6", null))).containsExactly("k|6", "z");
        assertThat(keys(store.range(null, null))).containsExactly("k|1", "k|2", "k|3", "k|6", "z");
        assertThat(keys(store.range("z", "a"))).as("a reversed range is empty").isEmpty();
        assertThat(below.get("k|2")).as("nothing written back by the ranges").isNull();
        assertThat(below.get("k|3")).isEqualTo(3L);
        assertThat(below.get("k|5")).isEqualTo(5L);

        store.put("k|4", 4L);
        store.flushCache();
        store.put("k|0", 0L);

        assertThat(keys(store.range("k|", "k|~"))).as("writes after the first range and after a commit")
                .containsExactly("k|0", "k|1", "k|2", "k|3", "k|4", "k|6");
        assertThat(below.get("k|0")).isNull();
    }

    @Test
    void shouldRangeOverTheWritesAsTheyWereWhenItBeganThoughTheStoreChangesMeanwhile() {
        WriteBackStore<Long> store = new WriteBackStore<>(below, 4);
        store.put("k|1", 1L);
        store.put("k|2", 2L);
        store.put("k|3", 3L);

        List<KeyValue<String, Long>> read = new ArrayList<>();
        try (KeyValueIterator<String, Long> range = store.range("k|", "k|~")) {
            read.add(range.next());
            store.put("k|2", 20L);
            store.delete("k|3");
            store.put("k|25", 25L);
            store.put("x", 24L);
            assertThat(below.get("k|1")).as("written back to make room").isEqualTo(1L);
            range.forEachRemaining(read::add);
        }

        assertThat(read).containsExactly(KeyValue.pair("k|1", 1L), KeyValue.pair("k|2", 2L), KeyValue.pair("k|3", 3L));
        assertThat(entries(store.range("k|", "k|~"))).as("a new range sees the changes")
                .containsExactly(KeyValue.pair("k|1", 1L), KeyValue.pair("k|2", 20L), KeyValue.pair("k|25", 25L));
    }

    @Test
    void shouldRangeOverWhatLeftForRoomAndWasWrittenBack() {
        WriteBackStore<Long> store = new WriteBackStore<>(below, 2);
        store.put("a", 1L);
        assertThat(keys(store.range("a", "z"))).containsExactly("a");
        store.put("b", 2L);

        store.put("c", 3L);

        assertThat(below.get("a")).as("written back to make room").isEqualTo(1L);
        assertThat(entries(store.range("a", "z"))).containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("b", 2L),
                KeyValue.pair("c", 3L));
    }

    @Test
    void shouldKeepTheOrderOfTheStoreBelowForKeysBeyondAsciiInRanges() {
        List<String> keys = List.of("a", "a\u0000", "a\uE000", "a\uD83D\uDE00", "a\uFFFF", "b");
        WriteBackStore<Long> store = new WriteBackStore<>(below, 100);
        below.put(keys.get(2), 2L);
        below.put(keys.get(4), 4L);
        store.put(keys.get(0), 0L);
        store.put(keys.get(1), 1L);
        store.put(keys.get(3), 3L);
        store.put(keys.get(5), 5L);

        List<String> merged = keys(store.range("a", "b"));
        store.flush();

        assertThat(merged).as("UTF-8 byte order: the emoji after U+FFFF").isEqualTo(keys(below.range("a", "b")));
        assertThat(merged).containsExactly(keys.get(0), keys.get(1), keys.get(2), keys.get(4), keys.get(3),
                keys.get(5));
    }

    @Test
    void shouldWriteBackTheLeastRecentlyUsedDirtyValueWhenFull() {
        WriteBackStore<Long> store = new WriteBackStore<>(below, 2);
        store.put("a", 1L);
        store.put("b", 2L);
        store.get("a");

        store.put("c", 3L);

        assertThat(below.get("b")).as("b was least recently used").isEqualTo(2L);
        assertThat(below.get("a")).isNull();
        assertThat(store.get("b")).as("read back from below").isEqualTo(2L);
        store.flush();
        assertThat(List.of(below.get("a"), below.get("b"), below.get("c"))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldBoundWhatStaysInMemoryByWeight() {
        // A value weighs what it says (at least 1): 5 + 4 > 8, so the older value leaves when the second arrives.
        WriteBackStore<Long> store = new WriteBackStore<>(below, 8, value -> value.intValue());
        store.put("a", 5L);
        store.put("b", 4L);

        assertThat(below.get("a")).as("written back as it left").isEqualTo(5L);
        assertThat(below.get("b")).as("still only in memory").isNull();

        store.put("huge", 100L);

        assertThat(below.get("b")).isEqualTo(4L);
        assertThat(store.get("huge")).as("the newest value stays, however heavy").isEqualTo(100L);
        assertThat(below.get("huge")).isNull();
        store.get("a");
        assertThat(below.get("huge")).as("left for a lighter, more recent one").isEqualTo(100L);
    }

    @Test
    void shouldLeaveWritingBackToTheWritingThread() throws Exception {
        WriteBackStore<Long> store = new WriteBackStore<>(below, 10);
        store.put("a", 1L);
        List<Object> seenByQuery = new ArrayList<>();

        Thread query = new Thread(() -> {
            seenByQuery.add(store.get("a"));
            seenByQuery.add(keys(store.all()));
        });
        query.start();
        query.join();

        assertThat(seenByQuery).as("a lookup sees the write, a scan what was written back")
                .containsExactly(1L, List.of());
        assertThat(below.get("a")).as("the query thread sent nothing").isNull();
        assertThat(keys(store.all())).containsExactly("a");
    }

    @Test
    void shouldRefuseAStoreWithoutRoom() {
        assertThrows(IllegalArgumentException.class, () -> new WriteBackStore<>(below, 0));
    }

    private static List<KeyValue<String, Long>> entries(KeyValueIterator<String, Long> iterator) {
        List<KeyValue<String, Long>> entries = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(entries::add);
        }
        return entries;
    }

    private static List<String> keys(KeyValueIterator<String, Long> iterator) {
        try (iterator) {
            List<String> keys = new ArrayList<>();
            iterator.forEachRemaining(entry -> keys.add(entry.key));
            return keys;
        }
    }
}
