package dev.roletrail.testkit;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dev.roletrail.schemas.Topics;

/**
 * What a streams application has yet to consume: between its consumer group's committed offsets and the end of every
 * partition of its input, sessions and findings topics and of its repartition topics (a partition it never committed
 * on counts from 0), what a read_committed reader finds. A killed instance's aborted transaction leaves records and a
 * marker there that no task will consume, and that is no lag; records of a transaction still open are.
 */
public final class StreamsLag {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_POLL = Duration.ofMillis(100);

    private StreamsLag() {
    }

    /**
     * @param bootstrapServers where a reader connects
     * @return the partitions with records left to consume, with how many
     */
    public static Map<TopicPartition, Long> of(Admin admin, String bootstrapServers, String applicationId,
            Topics topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        List<String> read = Stream.concat(
                Stream.of(topics.cloudtrail().name(), topics.sessions().name(), topics.findings().name()),
                admin.listTopics().names().get().stream()
                        .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition")))
                .toList();
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(read).allTopicNames().get().values().forEach(topic -> topic.partitions().forEach(p ->
                partitions.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(partitions).all().get().forEach((partition, end) -> {
            OffsetAndMetadata done = committed.get(partition);
            long position = done == null ? 0 : done.offset();
            if (end.offset() > position) {
                from.put(partition, position);
                ends.put(partition, end.offset());
            }
        });
        return from.isEmpty() ? Map.of() : unread(bootstrapServers, from, ends);
    }

    /** What a read_committed reader finds between each partition's committed offset and its end; open records count. */
    private static Map<TopicPartition, Long> unread(String bootstrapServers, Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> ends) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<TopicPartition, Long> unread = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            reader.assign(from.keySet());
            from.forEach(reader::seek);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline
                    && ends.entrySet().stream().anyMatch(end -> reader.position(end.getKey()) < end.getValue())) {
                reader.poll(READ_POLL).forEach(r -> unread.merge(new TopicPartition(r.topic(), r.partition()), 1L,
                        Long::sum));
            }
            ends.forEach((partition, end) -> {
                long open = end - reader.position(partition);
                if (open > 0) {
                    unread.merge(partition, open, Long::sum);
                }
            });
        }
        return unread;
    }
}
