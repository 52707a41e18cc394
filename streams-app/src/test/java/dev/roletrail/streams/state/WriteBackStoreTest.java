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

    private static List<String> keys(KeyValueIterator<String, Long> iterator) {
        try (iterator) {
            List<String> keys = new ArrayList<>();
            iterator.forEachRemaining(entry -> keys.add(entry.key));
            return keys;
        }
    }
}
