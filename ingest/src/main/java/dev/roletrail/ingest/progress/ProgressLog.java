package dev.roletrail.ingest.progress;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

import dev.roletrail.schemas.Topic;
import dev.roletrail.schemas.ingest.IngestProgress;

/** Reads back what earlier runs committed to the progress topic: the latest progress per source. */
public final class ProgressLog {

    private ProgressLog() {
    }

    public static Map<String, IngestProgress> load(Properties kafka, Topic<String, IngestProgress> topic) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.remove("transactional.id");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Deserializer<String> keys = topic.keySerde().deserializer();
        Deserializer<IngestProgress> values = topic.valueSerde().deserializer();
        Map<String, IngestProgress> progress = new HashMap<>();
        try (KafkaConsumer<String, IngestProgress> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, IngestProgress> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        progress.remove(record.key());
                    } else {
                        progress.put(record.key(), record.value());
                    }
                }
            }
        }
        return progress;
    }
}
