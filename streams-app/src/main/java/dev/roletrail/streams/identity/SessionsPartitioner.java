package dev.roletrail.streams.identity;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.streams.processor.StreamPartitioner;

import dev.roletrail.schemas.identity.Session;

/**
 * Routes {@code roletrail.sessions}: a session by its key, as the producer's default partitioner places the
 * CloudTrail records of the principal it acts as; a lineage watermark (a null value) to every partition, since every
 * lineage task holds calls that a session from any task may release.
 */
public final class SessionsPartitioner implements StreamPartitioner<String, Session> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Session session, int numPartitions) {
        if (session == null) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.empty(); // the default partitioner: the key's murmur2 hash, like the input topic's
    }
}
