package dev.roletrail.streams.unused;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Routes {@code usage-signals}: a use to the partition owning its entity ({@link Ownership}), a watermark to every
 * partition, since each findings task decides on its own when a day is complete and needs every upstream task's
 * promise for that.
 */
public final class EntityPartitioner implements StreamPartitioner<String, UsageSignal> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String entity, UsageSignal signal, int numPartitions) {
        if (signal.marksTime()) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.of(Set.of(Ownership.partitionOf(entity, numPartitions)));
    }
}
