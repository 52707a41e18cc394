package dev.roletrail.streams.config;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of all RocksDB stores of this process together: one LRU block cache shared by every
 * store, with memtables counted against it (the recipe of the Kafka Streams memory-management docs). Without it,
 * each store of each task has its own cache and memtables, and memory grows with tasks and principals.
 * Size: {@code rocksdb.total-memory-bytes} in the Streams config (set from {@code streams.rocksdb.memory}).
 * <p>
 * Tables that compaction writes to the bottommost level, where a long-running store's data settles, are
 * LZ4-compressed ({@link #BOTTOMMOST_COMPRESSION}); Kafka Streams writes every table uncompressed. The values are CBOR
 * records and ARNs, which compress to about a third. The tables each commit's flush writes stay uncompressed, as
 * before: the stream threads read recent keys from them, and with every table compressed the stream threads' CPU per
 * record rose by up to a quarter in two of three benchmark pairs (blocks decompressed on read).
 */
public final class BoundedMemoryRocksDBConfig implements RocksDBConfigSetter {

    public static final String TOTAL_MEMORY_CONFIG = "rocksdb.total-memory-bytes";
    private static final long DEFAULT_TOTAL = 256L << 20;
    /** Memtables may use half: with a small share, dozens of stores flush tiny memtables and stall writes. */
    private static final double WRITE_BUFFER_SHARE = 0.5;
    private static final long MEMTABLE_BYTES = 8L << 20;
    /** Public: the streams benchmark compacts stopped stores with it, so what it measures is what the app writes. */
    public static final CompressionType BOTTOMMOST_COMPRESSION = CompressionType.LZ4_COMPRESSION;

    /** Shared across every store of the JVM, created on first use with the first configured size. */
    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long total = configs.get(TOTAL_MEMORY_CONFIG) == null
                ? DEFAULT_TOTAL : Long.parseLong(configs.get(TOTAL_MEMORY_CONFIG).toString());
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache(total));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(3);
        options.setBottommostCompressionType(BOTTOMMOST_COMPRESSION);
        options.setTableFormatConfig(table);
    }

    private static synchronized Cache sharedCache(long total) {
        if (cache == null) {
            cache = new LRUCache(total, -1, false, 0.1);
            writeBufferManager = new WriteBufferManager((long) (total * WRITE_BUFFER_SHARE), cache);
        }
        return cache;
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store: they live as long as the process.
    }
}
