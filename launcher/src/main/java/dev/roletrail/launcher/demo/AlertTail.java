package dev.roletrail.launcher.demo;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import dev.roletrail.schemas.Topic;
import dev.roletrail.schemas.alert.Alert;

/** Follows the alerts topic (committed records only) and prints each alert as it arrives. */
final class AlertTail implements AutoCloseable {

    private final KafkaConsumer<String, Alert> consumer;
    private final Topic<String, Alert> topic;
    private final AlertPrinter printer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong printed = new AtomicLong();
    private final List<Alert> seen = new CopyOnWriteArrayList<>();
    private final Thread thread;

    AlertTail(Properties kafka, Topic<String, Alert> topic, AlertPrinter printer) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        this.topic = topic;
        this.printer = printer;
        this.thread = new Thread(this::run, "alert-tail");
        thread.setDaemon(true);
    }

    AlertTail start() {
        thread.start();
        return this;
    }

    long printed() {
        return printed.get();
    }

    /** Every alert printed so far, in order. */
    List<Alert> alerts() {
        return List.copyOf(seen);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(500))) {
                    printer.print(record.value());
                    seen.add(record.value());
                    printed.incrementAndGet();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}
