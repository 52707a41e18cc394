package dev.roletrail.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.streams.TestStores;

/** Against a real (in-memory) store with a serde: every read from the store decodes a new instance. */
class DecodedCacheTest {

    private KeyValueStore<String, String> store;

    @BeforeEach
    void setUp() {
        store = TestStores.inMemory("s", Serdes.String());
    }

    @Test
    void shouldWriteThroughAndHandBackTheDecodedValueWithoutReadingTheStoreAgain() {
        DecodedCache<String> cache = DecodedCache.ofEntries(store, 10);
        cache.put("a", "value-a");

        assertThat(store.get("a")).as("written through").isEqualTo("value-a");
        String first = cache.get("a");
        assertThat(cache.get("a")).isEqualTo("value-a").isSameAs(first);
    }

    @Test
    void shouldKeepNothingInFrontOfAWriteBackStore() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        KeyValueStore<String, String> below = TestStores.inMemory("below", Serdes.String());
        WriteBackStore<String> writeBack = new WriteBackStore<>(below, 10);
        context.addStateStore(writeBack);
        DecodedCache<String> cache = DecodedCache.of(context, "below");

        assertThat(cache.get("a")).isNull();
        writeBack.put("a", "written beside the cache");

        assertThat(cache.get("a")).as("read from the store again, not remembered as absent")
                .isEqualTo("written beside the cache");
    }

    @Test
    void shouldReadWhatTheStoreHeldBeforeAndRememberAbsentKeys() {
        store.put("restored", "from-changelog");
        DecodedCache<String> cache = DecodedCache.ofEntries(store, 10);

        assertThat(cache.get("restored")).isEqualTo("from-changelog");
        assertThat(cache.get("missing")).isNull();
        cache.put("missing", "now-here");
        assertThat(cache.get("missing")).isEqualTo("now-here");
    }

    @Test
    void shouldDeleteFromBothTheCacheAndTheStore() {
        DecodedCache<String> cache = DecodedCache.ofEntries(store, 10);
        cache.put("a", "value-a");
        cache.delete("a");

        assertThat(cache.get("a")).isNull();
        assertThat(store.get("a")).isNull();
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedPastItsWeightButStillAnswerFromTheStore() {
        DecodedCache<String> cache = new DecodedCache<>(store, 10, String::length);
        cache.put("a", "aaaa");
        cache.put("b", "bbbb");
        String decodedA = cache.get("a");
        cache.put("c", "cccc");

        assertThat(cache.get("a")).as("recently read, kept").isSameAs(decodedA);
        String b = cache.get("b");
        assertThat(b).as("evicted, read again from the store").isEqualTo("bbbb");
        assertThat(cache.get("c")).isEqualTo("cccc");
    }
}
