package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.internals.DefaultStreamPartitioner;
import org.junit.jupiter.api.Test;

/** Ownership must agree with how Kafka Streams itself would partition the entity's key. */
class OwnershipTest {

    private static final List<String> ENTITIES = List.of("arn:aws:iam::111122223333:role/App",
            "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:root",
            "arn:aws-us-gov:iam::444455556666:role/service-role/Ops", "arn:aws:iam::111122223333:user/dév");

    @Test
    void shouldPlaceEachEntityWhereKafkasDefaultPartitionerPlacesItsKey() {
        DefaultStreamPartitioner<String, UsageSignal> kafka = new DefaultStreamPartitioner<>(new StringSerializer());
        for (int partitions = 1; partitions <= 16; partitions++) {
            for (String entity : ENTITIES) {
                assertThat(Set.of(Ownership.partitionOf(entity, partitions)))
                        .as("%s over %d partitions", entity, partitions)
                        .isEqualTo(kafka.partitions("usage-signals", entity, null, partitions).orElseThrow());
            }
        }
    }

    @Test
    void shouldLetExactlyOneTaskOwnEachEntity() {
        for (String entity : ENTITIES) {
            assertThat(List.of(0, 1, 2, 3)).filteredOn(partition -> new Ownership(partition, 4).owns(entity))
                    .as(entity).hasSize(1);
        }
    }

    @Test
    void shouldRouteUseToItsOwnerAndWatermarksToEveryPartition() {
        EntityPartitioner partitioner = new EntityPartitioner();
        String app = ENTITIES.get(0);
        UsageSignal use = new UsageSignal(app, Instant.EPOCH, true, null, null, "alice", null, null, null);
        UsageSignal watermark = UsageSignal.watermark(2, Instant.EPOCH, null);

        assertThat(partitioner.partitions("t", app, use, 6)).contains(Set.of(Ownership.partitionOf(app, 6)));
        assertThat(partitioner.partitions("t", watermark.entity(), watermark, 6))
                .contains(Set.of(0, 1, 2, 3, 4, 5));
    }
}
