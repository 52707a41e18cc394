package dev.roletrail.streams.unused;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/**
 * Which findings task owns an entity: the partition of {@code usage-signals} its usage signals are routed to, by
 * Kafka's default rule for a String key (murmur2 of its UTF-8 bytes, made positive, modulo the partition count). The
 * partitioner that routes the signals and the task that decides which inventory entities to evaluate both ask here,
 * so an entity's usage and its evaluation always meet in one task.
 *
 * @param partition  the findings task's partition
 * @param partitions how many partitions {@code usage-signals} has
 */
public record Ownership(int partition, int partitions) {

    public Ownership {
        if (partitions < 1 || partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition " + partition + " of " + partitions);
        }
    }

    /** Whether this task evaluates the entity (role, user or root ARN). */
    public boolean owns(String entity) {
        return partitionOf(entity, partitions) == partition;
    }

    /** The partition of the entity's usage signals, as Kafka's default partitioner would choose it. */
    public static int partitionOf(String entity, int partitions) {
        return Utils.toPositive(Utils.murmur2(entity.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
