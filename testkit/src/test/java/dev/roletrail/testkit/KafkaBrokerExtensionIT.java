package dev.roletrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TestKafka kafka;

    KafkaBrokerExtensionIT(TestKafka kafka) {
        this.kafka = kafka;
    }

    @Test
    void shouldInjectTheSameBrokerEverywhere(TestKafka again) {
        assertThat(again).isSameAs(kafka);
    }

    @Test
    void shouldReadBackWhatWasProducedOnEveryPartition() {
        String topic = kafka.uniqueName("produced");
        kafka.createTopics(3, topic);

        try (KafkaProducer<String, String> producer = producer(kafka.producerConfig())) {
            for (int i = 0; i < 6; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
            }
        }

        List<ConsumerRecord<String, String>> records =
            kafka.consumeAtLeast(topic, new StringDeserializer(), new StringDeserializer(), 6, TIMEOUT);
        assertThat(records).extracting(ConsumerRecord::value)
            .containsExactlyInAnyOrder("value-0", "value-1", "value-2", "value-3", "value-4", "value-5");
        assertThat(records).extracting(ConsumerRecord::partition).as("spread over the partitions").contains(0, 1, 2);
    }

    @Test
    void shouldReadAllCommittedRecordsAndNoAbortedOnes() {
        String topic = kafka.uniqueName("transactional");
        kafka.createTopics(1, topic);
        Map<String, Object> config = kafka.producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.uniqueName("tx"));

        try (KafkaProducer<String, String> producer = producer(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
        }

        List<ConsumerRecord<String, String>> records =
            kafka.consumeAll(topic, new StringDeserializer(), new StringDeserializer(), Duration.ofMillis(300));
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed-1", "committed-2");
    }

    @Test
    void shouldSayHowManyRecordsArrivedWhenTooFewDid() {
        String topic = kafka.uniqueName("too-few");
        kafka.createTopics(1, topic);
        try (KafkaProducer<String, String> producer = producer(kafka.producerConfig())) {
            producer.send(new ProducerRecord<>(topic, "k", "only"));
        }

        assertThatThrownBy(() -> kafka.consumeAtLeast(
            topic, new StringDeserializer(), new StringDeserializer(), 2, Duration.ofSeconds(1)))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining(topic)
            .hasMessageContaining("but 1 arrived");
    }

    @Test
    void shouldSayWhenTheTopicDoesNotExist() {
        String topic = kafka.uniqueName("never-created");

        assertThatThrownBy(() -> kafka.consumeAtLeast(
            topic, new StringDeserializer(), new StringDeserializer(), 1, Duration.ofSeconds(1)))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("Topic " + topic + " does not exist");
    }

    @Test
    void shouldCreateCompactedTopicsWithTheirPartitions() throws Exception {
        String topic = kafka.uniqueName("compacted");
        kafka.createCompactedTopic(2, topic);

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = kafka.admin().describeConfigs(List.of(resource)).all()
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(resource);
        TopicDescription description = kafka.admin().describeTopics(List.of(topic)).allTopicNames()
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(description.partitions()).hasSize(2);
    }

    @Test
    void shouldHandOutDistinctValidNames() {
        String first = kafka.uniqueName("app id/1");
        String second = kafka.uniqueName("app id/1");

        assertThat(first).matches("app-id-1-[0-9a-f]{6}-\\d+").isNotEqualTo(second);
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
