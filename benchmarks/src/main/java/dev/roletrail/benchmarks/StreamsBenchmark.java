package dev.roletrail.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
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
import org.apache.kafka.streams.Topology;

import dev.roletrail.embedded.EmbeddedKafkaBroker;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.cloudtrail.EventTimeHeader;
import dev.roletrail.schemas.cloudtrail.EventTimes;
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
        try {
            measure(args);
        } catch (Exception e) {
            // A stream thread or the broker, still alive after a failure, would keep the JVM from ending: it hung,
            // once, after an app's close timed out and its store could not be compacted.
            e.printStackTrace();
            System.err.println("run-streams: failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void measure(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int distinct = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        TrafficSource source = TrafficSource.named(args.length > 3 ? args[3] : "synthetic");
        int eventsPerDay = args.length > 4 ? Integer.parseInt(args[4]) : 4 * users;
        try (WorkDirectory scratch = WorkDirectory.create("roletrail-bench");
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(scratch.resolve("kafka"))) {
            Path work = scratch.path();
            List<KeyedRecord> traffic = source.traffic(users, days, eventsPerDay);
            print("input (%s): %,d records from %,d users over %d days", source.name().toLowerCase(Locale.ROOT),
                    traffic.size(), users, days);
            PartitionBalance balance = PartitionBalance.of(traffic.stream().map(KeyedRecord::principal).toList(), 12);
            print("partition balance, keyed by acting principal over %d partitions: the busiest gets %.2f× the mean"
                    + " share (%,d records)", balance.partitions(), balance.busiestOverMean(), balance.busiest());

            // -Dbench.eos-only=true: one guarantee, e.g. to profile it alone or to compare two settings quickly.
            boolean eosOnly = Boolean.getBoolean("bench.eos-only");
            // Unreported passes first, with each guarantee: otherwise the JIT, still compiling the app, the broker and
            // the clients, takes a third of the JVM's CPU in the first measured run, and the second run measures a
            // warmer JVM than the first.
            for (int pass = 1; pass <= Integer.getInteger("bench.warmups", 1); pass++) {
                run(broker, "exactly_once_v2", produce(broker, "warmup" + pass + "-eos", traffic), traffic.size(), work);
                if (!eosOnly) {
                    run(broker, "at_least_once", produce(broker, "warmup" + pass + "-alos", traffic), traffic.size(),
                            work);
                }
            }
            // -Dbench.floor=false skips the floor: the same input through the least a RoleTrail topology does.
            boolean floor = Boolean.parseBoolean(System.getProperty("bench.floor", "true"));
            // -Dbench.rounds=N: N measured runs of the app, each followed by one of the floor, and the median of their
            // CPU ratios. On this shared machine one run's CPU per record moves by a fifth with the load and the JIT,
            // the app's and the floor's together, so a ratio taken within each round moves less than either.
            int rounds = Integer.getInteger("bench.rounds", 1);
            List<Double> ratios = new ArrayList<>();
            List<Double> allocations = new ArrayList<>();
            double eos = 0;
            double floorEos = 0;
            for (int round = 1; round <= rounds; round++) {
                String suffix = round == 1 ? "" : "-" + round;
                Result full = run(broker, "exactly_once_v2", produce(broker, "eos" + suffix, traffic), traffic.size(),
                        work);
                if (round == 1) {
                    eos = full.rate();
                }
                allocations.add(full.allocatedBytesPerRecord());
                if (floor) {
                    Result least = run(broker, "exactly_once_v2", produce(broker, "floor-eos" + suffix, traffic),
                            traffic.size(), work, FloorTopology::build);
                    if (round == 1) {
                        floorEos = least.rate();
                    }
                    ratios.add(full.cpuMicrosPerRecord() / least.cpuMicrosPerRecord());
                }
            }
            if (!eosOnly) {
                double alos = run(broker, "at_least_once", produce(broker, "alos", traffic), traffic.size(), work)
                        .rate();
                print("exactly_once_v2: %,.0f records/s; at_least_once: %,.0f records/s; ratio %.2f", eos, alos,
                        eos / alos);
            }
            if (floor) {
                String floorAlos = eosOnly ? "" : String.format(Locale.ROOT, ", at_least_once %,.0f records/s",
                        run(broker, "at_least_once", produce(broker, "floor-alos", traffic), traffic.size(), work,
                                FloorTopology::build).rate());
                print("floor (parse, drop duplicates, one small value per principal): exactly_once_v2 %,.0f"
                        + " records/s%s", floorEos, floorAlos);
                print("CPU per record, app ÷ floor (exactly_once_v2): %s over %d round%s%s", median(ratios), rounds,
                        rounds == 1 ? "" : "s", rounds == 1 ? "" : ", the median of " + ratios.stream()
                                .map(StreamsBenchmark::twoPlaces).toList());
            }
            print("heap allocated by the app's stream threads per record (exactly_once_v2): %s bytes over %d round%s%s",
                    wholeBytes(middle(allocations)), rounds, rounds == 1 ? "" : "s", rounds == 1 ? ""
                            : ", the median of " + allocations.stream().map(StreamsBenchmark::wholeBytes).toList());

            Path state = work.resolve("state-eos");
            long principals = traffic.stream().map(KeyedRecord::principal).distinct().count();
            print("local state after the exactly_once_v2 run: %,d bytes on disk for %,d principals: %,.0f bytes/principal",
                    size(state), principals, size(state) / (double) principals);
            Map<String, Long> kinds = sizeByKind(state);
            print("  of which data (RocksDB tables and write-ahead logs) %,d bytes: %,.0f bytes/principal; per-store"
                    + " files (RocksDB's LOG, OPTIONS, MANIFEST; checkpoints) %,d bytes in %,d stores",
                    kinds.get("data"), kinds.get("data") / (double) principals, kinds.get("fixed"), kinds.get("stores"));
            print("  data by store, largest first: %s", largestStores(state, principals));
            CompactedState.compact(state);
            long compacted = sizeByKind(state).get("data");
            print("  data once compacted (what the stores hold): %,d bytes: %,.0f bytes/principal; by store, largest"
                    + " first: %s", compacted, compacted / (double) principals, largestStores(state, principals));

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

    /** The app, or a bare topology for the floor figure, started. */
    private record Running(Supplier<KafkaStreams.State> state, Runnable closer) implements AutoCloseable {

        static Running of(StreamsApp app) {
            app.start();
            return new Running(app::state, app::close);
        }

        static Running of(KafkaStreams streams) {
            streams.start();
            return new Running(streams::state, streams::close);
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    /**
     * Records/s while RUNNING, the stream threads' CPU per record, and the heap in use once the input was consumed
     * (after a full GC).
     */
    private record Result(double rate, double cpuMicrosPerRecord, double allocatedBytesPerRecord, long heapBytes) {
    }

    private static String median(List<Double> values) {
        return twoPlaces(middle(values));
    }

    private static double middle(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String wholeBytes(double bytes) {
        return String.format(Locale.ROOT, "%,.0f", bytes);
    }

    private static String twoPlaces(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
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
        return run(broker, guarantee, topics, records, work, null);
    }

    /** @param topology instead of the app's, or null for the app itself */
    private static Result run(EmbeddedKafkaBroker broker, String guarantee, Topics topics, long records, Path work,
            Function<StreamsAppConfig, Topology> topology) throws Exception {
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
        StreamsAppConfig config = StreamsAppConfig.from(Settings.of(settings));
        try (Running app = topology == null ? Running.of(new StreamsApp(config))
                : Running.of(new KafkaStreams(topology.apply(config), config.streamsProperties()))) {
            while (app.state().get() != KafkaStreams.State.RUNNING) {
                Thread.sleep(50);
            }
            long start = System.nanoTime();
            Map<Long, Long> cpuBefore = streamThreadCpuNanos(topics.prefix() + "-app");
            Map<Long, Long> allocatedBefore = streamThreadAllocatedBytes(topics.prefix() + "-app");
            long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            awaitConsumed(broker, topics, topics.prefix() + "-app");
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicrosPerRecord = cpuSince(topics.prefix() + "-app", cpuBefore) / 1e3 / records;
            double allocatedPerRecord = since(streamThreadAllocatedBytes(topics.prefix() + "-app"), allocatedBefore)
                    / (double) records;
            double jitSeconds = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore) / 1e3;
            double rate = records / seconds;
            print("%s (%s): %,d records in %.1f s: %,.0f records/s; stream threads used %.0f µs of CPU and allocated"
                    + " %,.0f bytes per record; JIT compiling %.1f s; ended %s", name, guarantee, records, seconds, rate,
                    cpuMicrosPerRecord, allocatedPerRecord, jitSeconds, java.time.LocalTime.now().withNano(0));
            printInternalRecords(broker, topics.prefix() + "-app", records);
            if (Boolean.getBoolean("bench.topic-sizes")) {
                printTopicSizes(broker, topics.prefix());
            }
            System.gc();
            return new Result(rate, cpuMicrosPerRecord, allocatedPerRecord,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }

    /**
     * CPU time of the stream threads alive now: unlike records/s it hardly moves when other processes share the
     * machine, so it shows what a change to the app itself gained.
     */
    private static Map<Long, Long> streamThreadCpuNanos(String applicationId) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            // This app's stream threads (also its global one): an earlier app's may still be closing.
            if (info != null && info.getThreadName().startsWith(applicationId)
                    && info.getThreadName().contains("StreamThread")) {
                cpu.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
            }
        }
        return cpu;
    }

    /**
     * Heap the stream threads alive now have allocated: it depends on the work done far more than on what else runs
     * on the machine, so it shows a change's effect where CPU time moves by a fifth between runs.
     */
    private static Map<Long, Long> streamThreadAllocatedBytes(String applicationId) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> allocated = new HashMap<>();
        streamThreadCpuNanos(applicationId).keySet()
                .forEach(id -> allocated.put(id, Math.max(0, threads.getThreadAllocatedBytes(id))));
        return allocated;
    }

    /** CPU the stream threads used since {@code before}; a thread that ended (replaced after an error) is missed. */
    private static long cpuSince(String applicationId, Map<Long, Long> before) {
        Map<Long, Long> now = streamThreadCpuNanos(applicationId);
        if (!now.keySet().containsAll(before.keySet())) {
            print("  (a stream thread ended during the run: its CPU time is not counted)");
        }
        return since(now, before);
    }

    private static long since(Map<Long, Long> now, Map<Long, Long> before) {
        return now.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    private static void produce(EmbeddedKafkaBroker broker, Topics topics, List<KeyedRecord> input) {
        // One request in flight: with five, a retried first batch once arrived after its successors and the broker
        // refused it as out of order for as long as the producer retried (the input of a run stalled for minutes).
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(), "linger.ms", 20,
                "batch.size", 262_144, "compression.type", "lz4", "max.in.flight.requests.per.connection", 1);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (KeyedRecord record : input) {
                ProducerRecord<String, String> sent = new ProducerRecord<>(topics.cloudtrail().name(),
                        record.principal(), record.json());
                // As ingest writes them: the event time in a header too.
                eventTime(record.json()).ifPresent(time -> sent.headers().add(EventTimeHeader.of(time)));
                producer.send(sent);
            }
        }
    }

    private static Optional<Instant> eventTime(String json) {
        try {
            return EventTimes.parse(Json.mapper().readTree(json).path("eventTime").asText());
        } catch (IOException e) {
            return Optional.empty(); // not JSON: the streams app dead-letters it
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

    /** -Dbench.topic-sizes=true: records written to each of the run's topics, to see where an event fans out. */
    private static void printTopicSizes(EmbeddedKafkaBroker broker, String prefix) throws Exception {
        topicEnds(broker, prefix).forEach((topic, end) -> print("  %-70s %,12d offsets", topic, end));
    }

    /**
     * What the app wrote to its changelogs and repartition topics per input record: each is serialised, produced and
     * replicated, so it is most of what an event costs beyond its own processing. Offsets, so with exactly_once_v2
     * they include a transaction marker per partition and commit.
     */
    private static void printInternalRecords(EmbeddedKafkaBroker broker, String appPrefix, long input)
            throws Exception {
        Map<String, Long> ends = topicEnds(broker, appPrefix);
        long changelogs = ends.entrySet().stream().filter(e -> e.getKey().endsWith("-changelog"))
                .mapToLong(Map.Entry::getValue).sum();
        long repartitions = ends.entrySet().stream().filter(e -> e.getKey().endsWith("-repartition"))
                .mapToLong(Map.Entry::getValue).sum();
        print("  changelog + repartition offsets per input record: %.2f (changelogs %.2f, repartitions %.2f)",
                (changelogs + repartitions) / (double) input, changelogs / (double) input,
                repartitions / (double) input);
    }

    private static Map<String, Long> topicEnds(EmbeddedKafkaBroker broker, String prefix) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            List<String> names = admin.listTopics().names().get().stream().filter(n -> n.startsWith(prefix)).sorted()
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new java.util.TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) ->
                    ends.merge(partition.topic(), info.offset(), Long::sum));
            return ends;
        }
    }

    /**
     * Data (SST tables, write-ahead logs) apart from what every store has whatever it holds (RocksDB's info LOG,
     * OPTIONS and MANIFEST files, Kafka Streams' checkpoints): on a small organisation the latter dominate, and they do
     * not grow with principals.
     */
    private static Map<String, Long> sizeByKind(Path dir) throws IOException {
        Map<String, Long> kinds = new HashMap<>(Map.of("data", 0L, "fixed", 0L, "stores", 0L));
        try (Stream<Path> files = Files.walk(dir)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                if (Files.isDirectory(file)) {
                    if (Files.exists(file.resolve("CURRENT"))) {
                        kinds.merge("stores", 1L, Long::sum);
                    }
                    return;
                }
                boolean data = name.endsWith(".sst") || name.endsWith(".log") && !name.startsWith("LOG");
                kinds.merge(data ? "data" : "fixed", file.toFile().length(), Long::sum);
            });
        }
        return kinds;
    }

    /** The eight stores with the most data, largest first, in bytes per principal. */
    private static String largestStores(Path state, long principals) throws IOException {
        return dataByStore(state).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %,.0f", e.getKey(), e.getValue() / (double) principals))
                .collect(Collectors.joining(", ")) + " bytes/principal";
    }

    /** SST and write-ahead-log bytes per store name, summed over its tasks (directories {@code <task>/rocksdb/<store>}). */
    private static Map<String, Long> dataByStore(Path dir) throws IOException {
        Map<String, Long> stores = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = file.getFileName().toString();
                Path parent = file.getParent();
                boolean data = name.endsWith(".sst") || name.endsWith(".log") && !name.startsWith("LOG");
                if (data && parent != null) {
                    // A window store keeps segments one level deeper: name it by the directory above them.
                    String store = parent.getParent() != null && !"rocksdb".equals(parent.getParent().getFileName()
                            .toString()) ? parent.getParent().getFileName().toString() : parent.getFileName().toString();
                    stores.merge(store, file.toFile().length(), Long::sum);
                }
            });
        }
        return stores;
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
