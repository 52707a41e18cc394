package dev.roletrail.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void shouldShowReadCommittedConsumersOnlyCommittedTransactions() throws Exception {
        createTopic("transactions");

        try (KafkaProducer<String, String> producer = transactionalProducer("tx-test")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactions", "k", "committed-1"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactions", "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactions", "k", "committed-2"));
            producer.commitTransaction();
        }

        assertThat(values(readAll("transactions", "read_committed", 2)))
            .containsExactly("committed-1", "committed-2");
        assertThat(values(readAll("transactions", "read_uncommitted", 3)))
            .as("the aborted record was written; only the isolation level hides it")
            .containsExactly("committed-1", "aborted", "committed-2");
    }

    @Test
    void shouldKeepPortsAndDataAcrossStopAndRestart() throws Exception {
        createTopic("survivor");
        try (KafkaProducer<String, String> producer = transactionalProducer("restart-test")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("survivor", "k", "before-stop"));
            producer.commitTransaction();
        }
        String bootstrapServers = broker.bootstrapServers();

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.restart();

        assertThat(broker.bootstrapServers()).isEqualTo(bootstrapServers);
        assertThat(values(readAll("survivor", "read_committed", 1))).containsExactly("before-stop");
    }

    @Test
    void shouldLeaveAGivenLogDirectoryAndDeleteItsOwnTemporaryOne(@TempDir Path dir) {
        Path given = dir.resolve("kafka");
        EmbeddedKafkaBroker withGivenDir = EmbeddedKafkaBroker.start(given);
        withGivenDir.close();
        assertThat(given.resolve("meta.properties")).exists();

        EmbeddedKafkaBroker withTempDir = EmbeddedKafkaBroker.start();
        Path temporary = withTempDir.logDir();
        withTempDir.close();
        assertThat(Files.exists(temporary)).as("temporary log dir %s deleted", temporary).isFalse();
    }

    @Test
    void shouldStartAgainOnADirectoryAnEarlierBrokerFormattedKeepingItsTopics(@TempDir Path dir) throws Exception {
        Path given = dir.resolve("kafka");
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(given);
                Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        // As a second run of roletrail analyze on its state directory: a new broker, new ports, the same data.
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(given);
                Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).contains("kept");
        }
    }

    private static void createTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1)))
                .all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(String transactionalId) {
        return new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
            new StringSerializer(),
            new StringSerializer());
    }

    /** Reads from the beginning until {@code expected} records arrived or the timeout passed. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, String isolationLevel, int expected) {
        Map<String, Object> config = Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                 new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
