package dev.roletrail.streams.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

import dev.roletrail.schemas.Topic;

/**
 * Writes weekly reports to the reports topic (key {@code <iso-week>/<scope>}, value the report JSON). Idempotent
 * and acks=all; not transactional, because a report is rewritten whole under the same key of a compacted topic, so
 * writing it twice leaves the same topic.
 */
public final class ReportPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final Topic<String, String> topic;

    public ReportPublisher(Properties kafka, Topic<String, String> topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        for (String name : ProducerConfig.configNames()) {
            if (kafka.containsKey(name)) {
                props.put(name, kafka.get(name));
            }
        }
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.topic = topic;
    }

    /** Returns once every report is acknowledged; throws when one was not. */
    public void publish(List<WeeklyReport> reports) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (WeeklyReport report : reports) {
            sent.add(producer.send(new ProducerRecord<>(topic.name(), report.id(), JsonReport.render(report))));
        }
        producer.flush();
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new KafkaException("a weekly report was not written to " + topic.name(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while writing weekly reports", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
