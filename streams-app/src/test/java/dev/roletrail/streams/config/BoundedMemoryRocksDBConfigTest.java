package dev.roletrail.streams.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedMemoryRocksDBConfigTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void shouldCompressTheBottommostLevelOnly() {
        try (Options options = new Options()) {
            options.setCompressionType(CompressionType.NO_COMPRESSION); // what Kafka Streams sets before the setter
            options.setTableFormatConfig(new BlockBasedTableConfig());

            new BoundedMemoryRocksDBConfig().setConfig("sessions", options,
                    Map.of(BoundedMemoryRocksDBConfig.TOTAL_MEMORY_CONFIG, String.valueOf(16L << 20)));

            assertThat(options.compressionType()).as("flushed tables, read by the stream threads")
                    .isEqualTo(CompressionType.NO_COMPRESSION);
            assertThat(options.bottommostCompressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
            assertThat(options.writeBufferSize()).isEqualTo(8L << 20);
        }
    }
}
