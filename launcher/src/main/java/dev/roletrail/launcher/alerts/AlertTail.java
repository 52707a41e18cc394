package dev.roletrail.launcher.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
public final class AlertTail implements AutoCloseable {

    private final KafkaConsumer<String, Alert> consumer;
    private final Topic<String, Alert> topic;
    private final AlertPrinter printer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong printed = new AtomicLong();
    private final List<Alert> seen = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final boolean fromBeginning;
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private final CountDownLatch drained = new CountDownLatch(1);
    private List<TopicPartition> partitions = List.of();

    /**
     * @param fromBeginning print the whole topic, or only alerts committed after {@link #start()} returns (a console
     *                      that shows what this run raised, not the history)
     */
    public AlertTail(Properties kafka, Topic<String, Alert> topic, AlertPrinter printer, boolean fromBeginning) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        this.topic = topic;
        this.printer = printer;
        this.fromBeginning = fromBeginning;
        this.thread = new Thread(this::run, "alert-tail");
        thread.setDaemon(true);
    }

    /** Finds where to start (synchronously, so nothing committed after this returns is missed), then follows. */
    public AlertTail start() {
        partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolves the end now, not at the first poll
        }
        thread.start();
        return this;
    }

    public long printed() {
        return printed.get();
    }

    /** Every alert printed so far, in order. */
    public List<Alert> alerts() {
        return List.copyOf(seen);
    }

    /** Waits until every alert committed so far was printed; false when that took longer than the timeout. */
    public boolean drain(Duration timeout) throws InterruptedException {
        drainRequested.set(true);
        return drained.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(200))) {
                    printer.print(record.value());
                    seen.add(record.value());
                    printed.incrementAndGet();
                }
                if (drainRequested.get() && caughtUp()) {
                    drained.countDown();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Under read_committed the end offsets are the last stable ones: what is committed. */
    private boolean caughtUp() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}
