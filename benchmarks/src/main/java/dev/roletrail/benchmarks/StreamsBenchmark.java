package dev.roletrail.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

import dev.roletrail.embedded.EmbeddedKafkaBroker;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.testkit.SyntheticTraffic.KeyedRecord;

/**
 * Streams-app throughput and memory, in one run on an in-process broker: (a) records/s with exactly_once_v2 and with
 * at_least_once over the same input (synthetic organisation traffic with session lineage, or a simulated
 * organisation: {@link TrafficSource}), and their ratio; (b) bytes of local state per principal; (c) heap after a
 * million distinct principals, each with its own long-term key (state lives in RocksDB, off-heap, under a capped
 * shared cache).
 * Arguments: {@code [users] [days] [distinctPrincipals] [synthetic|simulator] [eventsPerDay]} (events a day only for
 * the simulator; default four per user).
 */
public final class StreamsBenchmark {

    private static final int PARTITIONS = 4;

    private StreamsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int distinct = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        TrafficSource source = TrafficSource.named(args.length > 3 ? args[3] : "synthetic");
        int eventsPerDay = args.length > 4 ? Integer.parseInt(args[4]) : 4 * users;
        Path work = Files.createTempDirectory("roletrail-bench");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            List<KeyedRecord> traffic = source.traffic(users, days, eventsPerDay);
            print("input (%s): %,d records from %,d users over %d days", source.name().toLowerCase(Locale.ROOT),
                    traffic.size(), users, days);

            double eos = run(broker, "exactly_once_v2", produce(broker, "eos", traffic), traffic.size(), work).rate();
            double alos = run(broker, "at_least_once", produce(broker, "alos", traffic), traffic.size(), work).rate();
            print("exactly_once_v2: %,.0f records/s; at_least_once: %,.0f records/s; ratio %.2f", eos, alos, eos / alos);

            Path state = work.resolve("state-eos");
            long principals = traffic.stream().map(KeyedRecord::principal).distinct().count();
            print("local state after the exactly_once_v2 run: %,d bytes on disk for %,d principals: %,.0f bytes/principal",
                    size(state), principals, size(state) / (double) principals);

            if (distinct == 0) {
                return;
            }
            traffic = null; // not to be counted in the heap measured below
            Result many = run(broker, "exactly_once_v2", produceDistinct(broker, source, distinct), distinct, work);
            print("%,d distinct principals and keys at %,.0f records/s; heap in use after a full GC while the app and"
                    + " broker still ran, with state in RocksDB: %,d MB (max %,d MB)",
                    distinct, many.rate(), many.heapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** Records/s while RUNNING, and the heap in use once the input was consumed (after a full GC). */
    private record Result(double rate, long heapBytes) {
    }

    /** In its own frame, so the million generated records are garbage before the heap is measured. */
    private static Topics produceDistinct(EmbeddedKafkaBroker broker, TrafficSource source, int distinct)
            throws Exception {
        return produce(broker, "many", source.distinctPrincipals(distinct));
    }

    /** Creates the run's topics and produces its input. */
    private static Topics produce(EmbeddedKafkaBroker broker, String name, List<KeyedRecord> input) throws Exception {
        Topics topics = new Topics("bench-" + name);
        Map<String, Object> admin = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(topics.topicConfigs().entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), PARTITIONS, (short) 1).configs(e.getValue())).toList())
                    .all().get();
        }
        produce(broker, topics, input);
        return topics;
    }

    /** Runs the app over the topics' input until it has consumed all {@code records}. */
    private static Result run(EmbeddedKafkaBroker broker, String guarantee, Topics topics, long records, Path work)
            throws Exception {
        String name = topics.prefix().substring("bench-".length());
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("topic.prefix", topics.prefix());
        settings.put("streams.application.id", topics.prefix() + "-app");
        settings.put("streams.state.dir", work.resolve("state-" + name).toString());
        settings.put("streams.processing.guarantee", guarantee);
        settings.put("kafka.num.stream.threads", "2");
        // Any RoleTrail setting can be tried without a rebuild: -Droletrail.<setting>=<value> in BENCH_JAVA_OPTS.
        System.getProperties().stringPropertyNames().stream().filter(property -> property.startsWith("roletrail."))
                .forEach(property -> settings.put(property.substring("roletrail.".length()), System.getProperty(property)));
        try (StreamsApp app = new StreamsApp(StreamsAppConfig.from(Settings.of(settings)))) {
            app.start();
            while (app.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(50);
            }
            long start = System.nanoTime();
            long cpuBefore = streamThreadCpuNanos();
            awaitConsumed(broker, topics, topics.prefix() + "-app");
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicrosPerRecord = (streamThreadCpuNanos() - cpuBefore) / 1e3 / records;
            double rate = records / seconds;
            print("%s (%s): %,d records in %.1f s: %,.0f records/s; stream threads used %.0f µs of CPU per record",
                    name, guarantee, records, seconds, rate, cpuMicrosPerRecord);
            System.gc();
            return new Result(rate, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }

    /**
     * CPU time of the stream threads alive now: unlike records/s it hardly moves when other processes share the
     * machine, so it shows what a change to the app itself gained.
     */
    private static long streamThreadCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("StreamThread")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static void produce(EmbeddedKafkaBroker broker, Topics topics, List<KeyedRecord> input) {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(), "linger.ms", 20,
                "batch.size", 262_144, "compression.type", "lz4");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (KeyedRecord record : input) {
                producer.send(new ProducerRecord<>(topics.cloudtrail().name(), record.principal(), record.json()));
            }
        }
    }

    /** Until the app's committed offsets on the CloudTrail topic reach its end (the input is not transactional). */
    private static void awaitConsumed(EmbeddedKafkaBroker broker, Topics topics, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topics.cloudtrail().name(), p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> end = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                boolean done = end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue());
                if (done) {
                    return;
                }
                Thread.sleep(100);
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
