package dev.roletrail.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.Deserializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The Kafka broker shared by every test of this JVM (see {@link KafkaBrokerExtension}), with helpers that keep tests
 * independent of each other and of the backend: unique names, explicit topic creation, and reading what was committed.
 * Readers use {@code isolation.level=read_committed}, so they see what a downstream application would see.
 */
public final class TestKafka {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaBackend backend;
    private Admin admin;

    TestKafka(KafkaBackend backend) {
        this.backend = backend;
    }

    /** The {@code bootstrap.servers} value; stays the same across {@link #stop()} and {@link #restart()}. */
    public String bootstrapServers() {
        return backend.bootstrapServers();
    }

    /**
     * A name no other test of this run gets, for topics, group ids, transactional ids and {@code application.id}s:
     * {@code prefix} (characters Kafka does not allow in topic names become '-') plus a run id and a counter.
     */
    public String uniqueName(String prefix) {
        return UniqueNames.next(prefix.replaceAll("[^a-zA-Z0-9._-]", "-"));
    }

    /** Creates the topics with the broker's replication factor and returns once every partition has a leader. */
    public void createTopics(int partitions, String... topics) {
        create(Arrays.stream(topics).map(name -> newTopic(name, partitions)).toList());
    }

    /** Like {@link #createTopics}, with {@code cleanup.policy=compact}, as for changelog-like tables. */
    public void createCompactedTopic(int partitions, String topic) {
        createTopic(partitions, topic, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Creates one topic with topic-level settings (e.g. {@code cleanup.policy}, {@code message.timestamp.type}). */
    public void createTopic(int partitions, String topic, Map<String, String> config) {
        create(List.of(newTopic(topic, partitions).configs(config)));
    }

    /** A shared admin client, closed when the broker is; do not close it in a test. */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
        return admin;
    }

    /** Producer basics (bootstrap servers, {@code acks=all}, idempotence); a new mutable map to add serializers to. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** Consumer basics for a group reading committed records from the earliest offset; a new mutable map. */
    public Map<String, Object> consumerConfig(String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    /**
     * Reads {@code topic} from the beginning until at least {@code count} committed records arrived, and returns all
     * records read. Fails with an {@link AssertionError} saying how many arrived if {@code timeout} passes first.
     * The deserializers are closed afterwards.
     */
    public <K, V> List<ConsumerRecord<K, V>> consumeAtLeast(
        String topic, Deserializer<K> keys, Deserializer<V> values, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<K, V> consumer = readerFromBeginning(topic, keys, values, deadline)) {
            List<ConsumerRecord<K, V>> received = new ArrayList<>();
            while (received.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(POLL).forEach(received::add);
            }
            if (received.size() < count) {
                throw new AssertionError(String.format(Locale.ROOT,
                    "Expected at least %d committed records on topic %s within %s, but %d arrived",
                    count, topic, timeout, received.size()));
            }
            return received;
        }
    }

    /**
     * Reads every committed record of {@code topic} from the beginning: returns once the reader has reached the end
     * offsets (the last stable offsets) and nothing new arrived for {@code quietPeriod}. Useful to assert that
     * something was <em>not</em> written. Fails if the topic does not go quiet within 30 s plus the quiet period.
     * The deserializers are closed afterwards.
     */
    public <K, V> List<ConsumerRecord<K, V>> consumeAll(
        String topic, Deserializer<K> keys, Deserializer<V> values, Duration quietPeriod) {
        Instant deadline = Instant.now().plus(TIMEOUT).plus(quietPeriod);
        try (KafkaConsumer<K, V> consumer = readerFromBeginning(topic, keys, values, deadline)) {
            List<ConsumerRecord<K, V>> received = new ArrayList<>();
            Instant quietUntil = Instant.now().plus(quietPeriod);
            while (Instant.now().isBefore(deadline)) {
                var batch = consumer.poll(POLL);
                if (!batch.isEmpty()) {
                    batch.forEach(received::add);
                    quietUntil = Instant.now().plus(quietPeriod);
                } else if (!Instant.now().isBefore(quietUntil) && reachedEnd(consumer)) {
                    return received;
                }
            }
            throw new AssertionError(String.format(Locale.ROOT,
                "Topic %s did not reach its end and stay quiet for %s within %s; %d records read so far",
                topic, quietPeriod, TIMEOUT.plus(quietPeriod), received.size()));
        }
    }

    /** Stops the broker, keeping its data, so a test can watch clients cope; embedded backend only. */
    public void stop() {
        backend.stop();
    }

    /** Starts the broker again after {@link #stop()}, same address and data; embedded backend only. */
    public void restart() {
        backend.restart();
    }

    synchronized void close() {
        try {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        } finally {
            backend.close();
        }
    }

    @Override
    public String toString() {
        return backend.toString();
    }

    private static NewTopic newTopic(String name, int partitions) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty());
    }

    private void create(List<NewTopic> topics) {
        List<String> topicNames = topics.stream().map(NewTopic::name).toList();
        try {
            admin().createTopics(topics).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + topicNames, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + topicNames, e);
        }
        // Creation is acknowledged by the controller; producers want the broker to know the leaders too.
        await("leaders for every partition of " + topicNames)
            .atMost(TIMEOUT)
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(50))
            .until(() -> allPartitionsHaveLeaders(topicNames));
    }

    private boolean allPartitionsHaveLeaders(List<String> topicNames) throws InterruptedException {
        try {
            Map<String, TopicDescription> descriptions = admin().describeTopics(topicNames).allTopicNames().get();
            return descriptions.values().stream()
                .flatMap(description -> description.partitions().stream())
                .allMatch(partition -> partition.leader() != null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("Could not describe topics " + topicNames, e);
        }
    }

    /** A consumer outside any group, assigned every partition of {@code topic}, positioned at the beginning. */
    private <K, V> KafkaConsumer<K, V> readerFromBeginning(
        String topic, Deserializer<K> keys, Deserializer<V> values, Instant deadline) {
        Map<String, Object> config = Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            ConsumerConfig.CLIENT_ID_CONFIG, uniqueName("testkit-reader"),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values);
        try {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return consumer;
        } catch (RuntimeException | Error e) {
            consumer.close();
            throw e;
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic, Instant deadline) {
        try {
            // The application under test may still be creating the topic. Same thread: consumers are single-threaded.
            List<PartitionInfo> partitions = await("topic " + topic + " to exist")
                .atMost(Duration.between(Instant.now(), deadline))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL)
                .until(() -> consumer.partitionsFor(topic, TIMEOUT), found -> !found.isEmpty());
            return partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Topic " + topic + " does not exist; create it with createTopics first", e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer) {
        // With read_committed, endOffsets answers the last stable offset: open transactions are not waited for.
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), TIMEOUT);
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), TIMEOUT) >= end.getValue());
    }
}
