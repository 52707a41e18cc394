package dev.roletrail.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

import dev.roletrail.streams.config.BoundedMemoryRocksDBConfig;

/**
 * Compacts every RocksDB store of a stopped app's state directory, so the SST tables that remain hold what the stores
 * hold. Kafka Streams flushes a store's memtable at every commit, and a short run leaves the resulting level-0 tables
 * uncompacted: every version of a value written back at some commit and every tombstone are still on disk, and a
 * store whose keys come and go (held calls, sessions) weighs what it ever held rather than what it holds. A
 * long-running app compacts them as it goes; this shows where it settles.
 */
final class CompactedState {

    static {
        RocksDB.loadLibrary();
    }

    private CompactedState() {
    }

    /** Compacts each store under {@code stateDir} (each directory holding a RocksDB {@code CURRENT} file). */
    static void compact(Path stateDir) throws IOException {
        List<Path> stores;
        try (Stream<Path> files = Files.walk(stateDir)) {
            stores = files.filter(dir -> Files.isDirectory(dir) && Files.exists(dir.resolve("CURRENT"))).toList();
        }
        for (Path store : stores) {
            try {
                compactStore(store);
            } catch (RocksDBException e) {
                throw new IOException("cannot compact " + store + ": " + e.getMessage(), e);
            }
        }
    }

    /** Kafka Streams' timestamped stores keep two column families: every one is compacted. */
    private static void compactStore(Path store) throws RocksDBException {
        List<byte[]> names;
        try (Options options = new Options()) {
            names = RocksDB.listColumnFamilies(options, store.toString());
        }
        // Compressed as the app's own compactions write the bottommost level. Until 2026-12-07 this compacted with
        // RocksDB's own default (Snappy) while the app wrote every table uncompressed: the compacted figure was then
        // smaller than what the app would settle at.
        try (ColumnFamilyOptions asTheAppWrites = new ColumnFamilyOptions()
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setBottommostCompressionType(BoundedMemoryRocksDBConfig.BOTTOMMOST_COMPRESSION)) {
            List<ColumnFamilyDescriptor> families = new ArrayList<>();
            names.forEach(name -> families.add(new ColumnFamilyDescriptor(name, asTheAppWrites)));
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            // Forced: a table alone in its range was otherwise moved down as it was, not rewritten compressed.
            try (DBOptions options = new DBOptions();
                    CompactRangeOptions everyTable = new CompactRangeOptions()
                            .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForce);
                    RocksDB db = RocksDB.open(options, store.toString(), families, handles)) {
                try {
                    for (ColumnFamilyHandle family : handles) {
                        db.compactRange(family, null, null, everyTable);
                    }
                } finally {
                    handles.forEach(ColumnFamilyHandle::close);
                }
            }
        }
    }
}
