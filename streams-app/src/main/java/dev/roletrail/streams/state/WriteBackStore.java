package dev.roletrail.streams.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A write-back cache of decoded values over a logged store without Kafka Streams' record cache. Kafka Streams' cache
 * serialises every put and keeps bytes in a sorted map with a set of dirty keys: with ten store writes an event, that
 * was a third of the stream threads' CPU. Here a put only replaces the value in a hash map; each key written since
 * the last commit reaches the store below (and so RocksDB and the changelog) once, at the commit, as with Kafka's
 * cache.
 * <p>
 * Before every commit of a task's offsets (and, with exactly_once_v2, its transaction) Kafka Streams flushes the
 * caches of the task's stores, those that are a {@link CachedStateStore}; its own record cache is one. This store is
 * one too for that reason alone: {@link StateStore#commit} is called only when Kafka Streams writes a checkpoint,
 * which with exactly_once_v2 is not at every commit. So what the changelog holds at a commit is what the processors
 * wrote.
 * <p>
 * Ranges read the rows below merged with the dirty ones in them; scans and size first write back what is dirty; so
 * they all see every write. Bounded by weight: past {@code maxWeight} the least recently used entries leave, written
 * back first if dirty. A value weighs 1 unless a weigher says more (e.g. the items it holds), so a few large values
 * cannot fill the heap. Emptied on {@link #init} and {@link #close}: after a crash or an aborted transaction, the
 * task is revived from the changelog and nothing uncommitted survives here.
 * <p>
 * Interactive queries read from other threads, so methods are synchronized, and only the thread that writes (the
 * task's stream thread) ever writes back: a write back sends changelog records, which belongs to the task's
 * transaction. Another thread's ranges and scans see what was written back (at the latest, the last commit), and its
 * lookups see every write.
 *
 * @param <V> the value type; values are handed out as stored, so they must be immutable
 */
public final class WriteBackStore<V> implements KeyValueStore<String, V>, CachedStateStore<String, V> {

    private final KeyValueStore<String, V> inner;
    private final long maxWeight;
    private final ToIntFunction<V> weigher;
    private long weight;
    /** Recently used values (empty: known absent), in access order; a key in {@link #dirty} is newer than below. */
    private final LinkedHashMap<String, Optional<V>> recent = new LinkedHashMap<>(256, 0.75f, true);
    private Set<String> dirty = new LinkedHashSet<>();
    /**
     * The dirty keys in the order of the store below, kept from the first range on (null before): a range reads the
     * rows below merged with the dirty ones in it ({@link MergedRange}). Ranges used to write every dirty row back
     * first, so a findings pass reading one entity's usage rows after another sent to the changelog, mid-commit, rows
     * that the commit would have written once.
     */
    private TreeSet<String> dirtyInOrder;
    /** The thread that put what is dirty; null while nothing was put since the store was opened. */
    private Thread writer;
    /** Ranges still reading their dirty rows from {@link #dirtyInOrder}: copied out before anything here changes. */
    private final List<PendingWrites> openRanges = new ArrayList<>(2);

    /**
     * @param inner      the store below: logged, not cached
     * @param maxEntries how many values stay in memory, at least one
     */
    public WriteBackStore(KeyValueStore<String, V> inner, int maxEntries) {
        this(inner, maxEntries, value -> 1);
    }

    /**
     * @param inner     the store below: logged, not cached
     * @param maxWeight how much the values in memory may weigh in all, at least one
     * @param weigher   the weight of one value (at least 1 is counted per entry, absent ones included)
     */
    public WriteBackStore(KeyValueStore<String, V> inner, long maxWeight, ToIntFunction<V> weigher) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.weigher = Objects.requireNonNull(weigher, "weigher");
        if (maxWeight < 1) {
            throw new IllegalArgumentException("maxWeight must be at least 1, was " + maxWeight);
        }
        this.maxWeight = maxWeight;
    }

    @Override
    public synchronized V get(String key) {
        Optional<V> cached = recent.get(key);
        if (cached != null) {
            return cached.orElse(null);
        }
        V value = inner.get(key);
        if (writing()) {
            remember(key, Optional.ofNullable(value));
        }
        return value;
    }

    @Override
    public synchronized void put(String key, V value) {
        Objects.requireNonNull(key, "key");
        copyOpenRanges();
        writer = Thread.currentThread();
        remember(key, Optional.ofNullable(value));
        dirty.add(key);
        if (dirtyInOrder != null) {
            dirtyInOrder.add(key);
        }
    }

    @Override
    public synchronized V putIfAbsent(String key, V value) {
        V before = get(key);
        if (before == null) {
            put(key, value);
        }
        return before;
    }

    @Override
    public synchronized void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public synchronized V delete(String key) {
        V before = get(key);
        put(key, null);
        return before;
    }

    @Override
    public synchronized KeyValueIterator<String, V> range(String from, String to) {
        if (!writing() || dirty.isEmpty()
                || from != null && to != null && MergedRange.KEY_ORDER.compare(from, to) > 0) {
            return inner.range(from, to); // another thread sees what was written back; a reversed range is empty
        }
        if (dirtyInOrder == null) {
            dirtyInOrder = new TreeSet<>(MergedRange.KEY_ORDER);
            dirtyInOrder.addAll(dirty);
        }
        NavigableSet<String> within = from == null
                ? to == null ? dirtyInOrder : dirtyInOrder.headSet(to, true)
                : to == null ? dirtyInOrder.tailSet(from, true) : dirtyInOrder.subSet(from, true, to, true);
        if (within.isEmpty()) {
            return inner.range(from, to);
        }
        PendingWrites pending = new PendingWrites(within);
        openRanges.add(pending);
        return new MergedRange<>(inner.range(from, to), pending, pending::close);
    }

    @Override
    public synchronized KeyValueIterator<String, V> reverseRange(String from, String to) {
        writeBackIfWriting();
        return inner.reverseRange(from, to);
    }

    @Override
    public synchronized KeyValueIterator<String, V> all() {
        writeBackIfWriting();
        return inner.all();
    }

    @Override
    public synchronized KeyValueIterator<String, V> reverseAll() {
        writeBackIfWriting();
        return inner.reverseAll();
    }

    @Override
    public synchronized <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix,
            PS prefixKeySerializer) {
        writeBackIfWriting();
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public synchronized long approximateNumEntries() {
        writeBackIfWriting();
        return inner.approximateNumEntries();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        forgetAll();
        inner.init(context, root);
    }

    /** Called before every commit of the task: the write back. */
    @Override
    public synchronized void flushCache() {
        writeBack();
    }

    /** Called when a task turns from active to standby or back: nothing kept here may outlive that. */
    @Override
    public synchronized void clearCache() {
        forgetAll();
    }

    /** No listener: this store feeds no KTable, so a write back forwards nothing. */
    @Override
    public boolean setFlushListener(CacheFlushListener<String, V> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public synchronized void flush() {
        writeBack();
        inner.flush();
    }

    @Override
    public synchronized void commit(Map<TopicPartition, Long> changelogOffsets) {
        writeBack();
        inner.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public synchronized void close() {
        // Not written back: a clean close has just committed, and a dirty one must not write what it did not commit.
        forgetAll();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public synchronized <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        writeBackIfWriting();
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    /** Whether the calling thread is the one that writes: only it may write back, or remember what it read. */
    private boolean writing() {
        return writer == null || writer == Thread.currentThread();
    }

    private void writeBackIfWriting() {
        if (writing()) {
            writeBack();
        }
    }

    /** Writes every dirty value to the store below, oldest write first. */
    private void writeBack() {
        if (dirty.isEmpty()) {
            return;
        }
        copyOpenRanges();
        for (String key : dirty) {
            inner.put(key, recent.get(key).orElse(null));
        }
        // A new set, not clear(): clearing costs the capacity the busiest commit left behind (thousands of slots)
        // even when a range wrote back one key, which was 2 % of the stream threads' time.
        dirty = new LinkedHashSet<>();
        if (dirtyInOrder != null) {
            dirtyInOrder = new TreeSet<>(MergedRange.KEY_ORDER);
        }
    }

    private void remember(String key, Optional<V> value) {
        copyOpenRanges(); // what it forgets to make room may be a dirty row a range has yet to read
        Optional<V> before = recent.put(key, value);
        weight += weightOf(value) - (before == null ? 0 : weightOf(before));
        var eldest = recent.entrySet().iterator();
        // The entry just remembered is the newest: it stays, however much it weighs.
        while (weight > maxWeight && recent.size() > 1) {
            Map.Entry<String, Optional<V>> leaving = eldest.next();
            if (dirty.remove(leaving.getKey())) {
                inner.put(leaving.getKey(), leaving.getValue().orElse(null));
                if (dirtyInOrder != null) {
                    dirtyInOrder.remove(leaving.getKey());
                }
            }
            weight -= weightOf(leaving.getValue());
            eldest.remove();
        }
    }

    private long weightOf(Optional<V> value) {
        return Math.max(1, value.map(weigher::applyAsInt).orElse(1));
    }

    private void forgetAll() {
        copyOpenRanges();
        recent.clear();
        weight = 0;
        dirty = new LinkedHashSet<>();
        dirtyInOrder = null;
        writer = null;
    }

    private void copyOpenRanges() {
        if (!openRanges.isEmpty()) {
            openRanges.forEach(PendingWrites::copyRest);
            openRanges.clear();
        }
    }

    /**
     * The dirty rows within a range, in key order, each read from here when the range reaches it, as long as nothing
     * here changes; at the first change the rows not yet read are copied out, so a range sees what was dirty when it
     * began, as if copied then. Copying them all at the start made each range cost every dirty row after its start:
     * a findings chunk seeks to each next entity with a range, and that was 8 % of the stream threads' time.
     */
    private final class PendingWrites implements Iterator<Map.Entry<String, Optional<V>>> {

        private Iterator<String> keys;
        private Iterator<Map.Entry<String, Optional<V>>> copied;

        PendingWrites(NavigableSet<String> within) {
            this.keys = within.iterator();
        }

        @Override
        public boolean hasNext() {
            synchronized (WriteBackStore.this) {
                return copied != null ? copied.hasNext() : keys.hasNext();
            }
        }

        @Override
        public Map.Entry<String, Optional<V>> next() {
            synchronized (WriteBackStore.this) {
                if (copied != null) {
                    return copied.next();
                }
                String key = keys.next();
                return Map.entry(key, recent.get(key));
            }
        }

        /** Called with the store's lock held, before it changes. */
        void copyRest() {
            List<Map.Entry<String, Optional<V>>> rest = new ArrayList<>();
            keys.forEachRemaining(key -> rest.add(Map.entry(key, recent.get(key))));
            copied = rest.iterator();
            keys = null;
        }

        void close() {
            synchronized (WriteBackStore.this) {
                openRanges.remove(this);
            }
        }
    }
}
