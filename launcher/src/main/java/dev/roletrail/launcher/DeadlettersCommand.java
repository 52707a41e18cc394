package dev.roletrail.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import dev.roletrail.schemas.Topic;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.deadletter.DeadLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code roletrail deadletters}: the dead-letter topic, readably, from its start to its end as it is now. */
@Command(name = "deadletters", mixinStandardHelpOptions = true,
        description = {"Print the dead letters (input RoleTrail could not use): where each came from, why, and the "
                + "start of what it held, every value escaped. Reads the topic to its current end and stops.",
                "Exit codes: 0 done, 1 Kafka failed, 2 a wrong flag or setting."})
final class DeadlettersCommand implements Callable<Integer> {

    private static final int PAYLOAD_CHARS = 120;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Mixin
    CommonOptions common;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N dead letters (default ${DEFAULT-VALUE}).",
            defaultValue = "50")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new InvalidConfigException("--limit: must be at least 1, not " + limit);
        }
        Settings settings = common.settings(Map.of());
        Properties kafka = settings.kafkaProperties();
        kafka.putIfAbsent("bootstrap.servers", "localhost:9092");
        Topic<String, DeadLetter> topic = new Topics(settings.string("topic.prefix", Topics.DEFAULT_PREFIX))
                .deadletter();
        PrintStream out = System.out;
        long total = read(kafka, topic, out);
        if (total == 0) {
            out.println("No dead letters in " + topic.name() + ".");
        } else if (total > limit) {
            out.printf("... and %,d more (%,d in all; --limit shows more)%n", total - limit, total);
        }
        return 0;
    }

    /** Prints up to the limit and returns how many the topic holds. */
    private long read(Properties kafka, Topic<String, DeadLetter> topic, PrintStream out) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long seen = 0;
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic.name() + " does not exist");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && seen++ < limit) {
                        print(record.value(), out);
                    }
                }
            }
        }
        return seen;
    }

    static void print(DeadLetter letter, PrintStream out) {
        String where = letter.index() < 0 ? letter.source() : letter.source() + " #" + letter.index();
        out.printf("%s  %s  [%s] %s%n", letter.rejectedAt(), ConsoleText.safe(where), letter.stage(),
                ConsoleText.safe(letter.reason()));
        out.printf("      %s%n", payloadStart(letter.payload()));
    }

    static String payloadStart(String payload) {
        if (payload == null || payload.isEmpty()) {
            return "(no payload)";
        }
        String start = payload.length() > PAYLOAD_CHARS ? payload.substring(0, PAYLOAD_CHARS) + "…" : payload;
        return ConsoleText.safe(start);
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
