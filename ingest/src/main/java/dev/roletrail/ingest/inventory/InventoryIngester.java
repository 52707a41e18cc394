package dev.roletrail.ingest.inventory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.roletrail.ingest.inventory.InventoryPlan.Held;
import dev.roletrail.schemas.Topic;
import dev.roletrail.schemas.inventory.InventoryEntity;

/**
 * Writes inventory snapshots to the compacted {@code roletrail.inventory} topic, keyed by ARN: each snapshot in one
 * transaction, with tombstones for the entities of that account (and kind) that a newer snapshot no longer lists.
 * What the topic holds is read back (read_committed) at start, so replacement works across runs.
 */
public final class InventoryIngester implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryIngester.class);

    private final Topic<String, InventoryEntity> topic;
    private final Properties kafka;
    private final KafkaProducer<String, InventoryEntity> producer;
    private Map<String, Held> held;

    /**
     * @param transactionalId fences an earlier inventory writer with the same id
     */
    public InventoryIngester(Properties kafka, Topic<String, InventoryEntity> topic, String transactionalId) {
        this.topic = topic;
        this.kafka = copy(kafka);
        Properties props = copy(kafka);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // As for the trail producer (Ingester): one request in flight, so a transaction's first batch of a partition
        // cannot be overtaken by its second (transactions v2 refuses that as out of order, then retries).
        props.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        this.producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
        producer.initTransactions();
    }

    /** Applies the snapshot; returns what it changed (nothing when a newer snapshot is already there). */
    public InventoryPlan write(InventorySnapshot snapshot) {
        if (held == null) {
            held = load();
        }
        InventoryPlan plan = InventoryPlan.of(snapshot, held);
        if (plan.staleSince().isPresent()) {
            LOG.warn("event=inventory_skipped origin=\"{}\" account={} source={} taken_at={} newer_snapshot={}",
                    snapshot.origin(), snapshot.accountId(), snapshot.source(), snapshot.takenAt(),
                    plan.staleSince().get());
            return plan;
        }
        producer.beginTransaction();
        for (InventoryEntity entity : plan.upserts()) {
            producer.send(new ProducerRecord<>(topic.name(), entity.key(), entity));
        }
        for (String key : plan.tombstones()) {
            producer.send(new ProducerRecord<>(topic.name(), key, null));
        }
        producer.commitTransaction();
        plan.upserts().forEach(e -> held.put(e.key(), new Held(e.accountId(), e.snapshotSource(), e.snapshotTime())));
        plan.tombstones().forEach(held::remove);
        LOG.info("event=inventory_written origin=\"{}\" account={} source={} taken_at={} entities={} deleted={}",
                snapshot.origin(), snapshot.accountId(), snapshot.source(), snapshot.takenAt(), plan.upserts().size(),
                plan.tombstones().size());
        return plan;
    }

    private Map<String, Held> load() {
        Properties props = copy(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, Held> current = new HashMap<>();
        try (KafkaConsumer<String, InventoryEntity> consumer = new KafkaConsumer<>(props,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, InventoryEntity> record : consumer.poll(Duration.ofMillis(200))) {
                    InventoryEntity entity = record.value();
                    if (entity == null) {
                        current.remove(record.key());
                    } else {
                        current.put(record.key(), new Held(entity.accountId(), entity.snapshotSource(),
                                entity.snapshotTime()));
                    }
                }
            }
        }
        return current;
    }

    private static Properties copy(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
