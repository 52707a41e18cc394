package dev.roletrail.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.roletrail.schemas.Topics;
import dev.roletrail.testkit.TestKafka;

/**
 * The streams app's input as ingest wrote it (CloudTrail records and inventory, committed), copied record for record
 * to another set of topics: same partition, order, key, value, timestamp and headers, so that two runs read the very
 * same input, in as many parts as a test wants.
 */
record InputCopy(List<ConsumerRecord<byte[], byte[]>> cloudtrail, List<ConsumerRecord<byte[], byte[]>> inventory) {

    private static final Duration QUIET = Duration.ofMillis(500);

    InputCopy {
        cloudtrail = List.copyOf(cloudtrail);
        inventory = List.copyOf(inventory);
    }

    static InputCopy read(TestKafka kafka, Topics topics) {
        return new InputCopy(all(kafka, topics.cloudtrail().name()), all(kafka, topics.inventory().name()));
    }

    /** The distinct record keys of the CloudTrail input: the acting principals. */
    List<String> principals() {
        return cloudtrail.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).distinct()
                .sorted().toList();
    }

    void copyInventory(TestKafka kafka, Topics to) {
        produce(kafka, to.inventory().name(), inventory);
    }

    /** A half of each partition's CloudTrail records. */
    enum Half { FIRST, SECOND }

    /** Copies one half of each partition's CloudTrail records, in their order. */
    void copyCloudTrail(TestKafka kafka, Topics to, Half half) {
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> byPartition = cloudtrail.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::partition, TreeMap::new, Collectors.toList()));
        List<ConsumerRecord<byte[], byte[]>> selected = new ArrayList<>();
        byPartition.values().forEach(records -> {
            int middle = records.size() / 2;
            selected.addAll(half == Half.FIRST ? records.subList(0, middle) : records.subList(middle, records.size()));
        });
        produce(kafka, to.cloudtrail().name(), selected);
    }

    private static void produce(TestKafka kafka, String topic, List<ConsumerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                producer.send(new ProducerRecord<>(topic, r.partition(), r.timestamp(), r.key(), r.value(),
                        r.headers()));
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> all(TestKafka kafka, String topic) {
        return kafka.consumeAll(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer(), QUIET);
    }
}
