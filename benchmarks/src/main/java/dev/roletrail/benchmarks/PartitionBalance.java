package dev.roletrail.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.utils.Utils;

/**
 * How evenly records keyed as ingest keys them (by acting principal) spread over a topic's partitions, with Kafka's
 * default partitioner: the busiest partition's share against the mean. What one instance of a scaled-out app gets
 * is its partitions' share, so the busiest partition bounds how far adding instances helps.
 */
record PartitionBalance(int partitions, long[] records) {

    static PartitionBalance of(List<String> keys, int partitions) {
        long[] records = new long[partitions];
        for (String key : keys) {
            records[Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions]++;
        }
        return new PartitionBalance(partitions, records);
    }

    long busiest() {
        long max = 0;
        for (long count : records) {
            max = Math.max(max, count);
        }
        return max;
    }

    /** The busiest partition's records over the mean's: 1.0 is perfectly even. */
    double busiestOverMean() {
        long total = 0;
        for (long count : records) {
            total += count;
        }
        return total == 0 ? 0 : busiest() / (total / (double) partitions);
    }
}
