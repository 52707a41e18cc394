package dev.roletrail.launcher.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

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

    public static List<WeeklyReport> read(Properties kafka, Topic<String, String> topic, IsoWeek week) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, String> latest = new TreeMap<>();
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
                    if (record.key() != null && record.key().startsWith(week + "/")) {
                        if (record.value() == null) {
                            latest.remove(record.key());
                        } else {
                            latest.put(record.key(), record.value());
                        }
                    }
                }
            }
        }
        return latest.values().stream().map(JsonReport::parse)
                .sorted(Comparator.comparing((WeeklyReport r) -> !r.scope().equals(WeeklyReport.ORG))
                        .thenComparing(WeeklyReport::scope))
                .toList();
    }
}
