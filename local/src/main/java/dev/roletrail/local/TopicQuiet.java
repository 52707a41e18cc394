package dev.roletrail.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dev.roletrail.schemas.Topic;

/**
 * Waits until a topic's committed end offsets have not moved for a while: for output that follows a signal with no
 * record of its own to wait for (the findings of the last evaluation after the end of input, which only emits what
 * changed).
 */
public final class TopicQuiet {

    private static final Duration CHECK = Duration.ofMillis(500);

    private TopicQuiet() {
    }

    public static void await(Properties kafka, Topic<?, ?> topic, Duration quiet, Duration timeout)
            throws InterruptedException {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<TopicPartition, Long> last = consumer.endOffsets(partitions, timeout);
            long stillSince = System.nanoTime();
            while (System.nanoTime() - stillSince < quiet.toNanos()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic.name() + " did not go quiet within " + timeout);
                }
                Thread.sleep(CHECK.toMillis());
                Map<TopicPartition, Long> now = consumer.endOffsets(partitions, timeout);
                if (!now.equals(last)) {
                    last = now;
                    stillSince = System.nanoTime();
                }
            }
        }
    }
}
