package dev.roletrail.launcher.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import dev.roletrail.schemas.Topic;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.JsonReport;
import dev.roletrail.streams.report.WeeklyReport;

/**
 * Reads the reports of one week back from the (compacted) reports topic, to re-render a past week without the
 * streams app: every partition from the start to its end, committed records only, the last value per key kept. No
 * consumer group: nothing is committed.
 */
public final class ReportsTopicReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ReportsTopicReader() {
    }

    /** The reports of the week, organisation first. */
    public static List<WeeklyReport> read(Properties kafka, Topic<String, String> topic, IsoWeek week) {
        Map<String, String> latest = new TreeMap<>();
        scan(kafka, topic, (key, value) -> {
            if (key.startsWith(week + "/")) {
                latest.compute(key, (k, old) -> value);
            }
        });
        return latest.values().stream().map(JsonReport::parse)
                .sorted(Comparator.comparing((WeeklyReport r) -> !r.scope().equals(WeeklyReport.ORG))
                        .thenComparing(WeeklyReport::scope))
                .toList();
    }

    /** Every week that has a report on the topic, oldest first. */
    public static SortedSet<IsoWeek> weeks(Properties kafka, Topic<String, String> topic) {
        Set<String> keys = new HashSet<>();
        scan(kafka, topic, (key, value) -> {
            if (value == null) {
                keys.remove(key);
            } else {
                keys.add(key);
            }
        });
        SortedSet<IsoWeek> weeks = new TreeSet<>();
        for (String key : keys) {
            int slash = key.indexOf('/');
            weeks.add(IsoWeek.parse(slash < 0 ? key : key.substring(0, slash)));
        }
        return weeks;
    }

    /** Every keyed record of the topic ({@code <week>/<scope>}) in offset order, null for a tombstone. */
    private static void scan(Properties kafka, Topic<String, String> topic, BiConsumer<String, String> onRecord) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null) {
                        onRecord.accept(record.key(), record.value());
                    }
                }
            }
        }
    }
}
