package dev.roletrail.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;

import dev.roletrail.benchmarks.latency.LatencyOptions;
import dev.roletrail.benchmarks.latency.LiveTraffic;
import dev.roletrail.benchmarks.latency.Percentiles;
import dev.roletrail.benchmarks.latency.ProbeLedger;
import dev.roletrail.embedded.EmbeddedKafkaBroker;
import dev.roletrail.embedded.EmbeddedS3Server;
import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.Ingester;
import dev.roletrail.ingest.IngestListener;
import dev.roletrail.ingest.progress.Checkpoints;
import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.ingest.source.ObjectSource;
import dev.roletrail.ingest.source.SourceObject;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.JsonSerde;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.RoleTrailTopology;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.state.StateSerde;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Alert latency in a live deployment: a writer drops CloudTrail log objects into the in-process S3 server at a steady
 * rate of events, ingest follows the bucket (a pass, then {@code ingest.poll-interval} of waiting, as
 * {@code roletrail ingest --follow} does), and the streams app (exactly_once_v2, its defaults) turns the probe each
 * object holds into an alert, on the in-process broker. Per probe: object written → ingest opens it (poll wait) →
 * its record committed on the raw topic → its first alert committed on the alerts topic, the last two as seen by
 * read_committed consumers; p50, p99 and the maximum of each step and of the whole, per rate.
 */
public final class LatencyBenchmark {

    private static final int PARTITIONS = 4;
    /** The alerts on their way from the detectors to the suppression step, as the streams app writes them. */
    private static final JsonSerde<Alert> REPARTITIONED = StateSerde.of(Alert.class);
    private static final int ACCOUNTS = 4;
    private static final int USERS_PER_ACCOUNT = 200;

    private LatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LatencyOptions options;
        try {
            options = LatencyOptions.parse(args);
        } catch (InvalidConfigException e) {
            System.err.println("run-latency: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (WorkDirectory work = WorkDirectory.create("roletrail-latency")) {
            measure(options, work.path());
        }
    }

    private static void measure(LatencyOptions options, Path work) throws Exception {
        print("rates %s events/s, %d objects/s (one probe each, every %d-th late by %d–%d min), warm-up %d s then %d s"
                + " measured per rate, ingest.poll-interval %s; %d cores, load average %.2f",
                options.rates(), options.objectsPerSecond(), options.lateEvery(), LiveTraffic.LATE_MIN.toMinutes(),
                LiveTraffic.LATE_MAX.toMinutes(), options.warmup().toSeconds(),
                options.duration().toSeconds(), options.pollInterval(), Runtime.getRuntime().availableProcessors(),
                loadAverage());
        Map<Integer, List<ProbeLedger.Probe>> results = new TreeMap<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"));
             EmbeddedS3Server s3Server = EmbeddedS3Server.start();
             S3Client s3 = S3Clients.create(new S3Clients.S3Settings(s3Server.endpoint(), "us-east-1", true),
                     StaticCredentialsProvider.create(AwsBasicCredentials.create(s3Server.accessKey(),
                             s3Server.secretKey())))) {
            for (int rate : options.rates()) {
                results.put(rate, new Run(broker, s3Server, s3, options, rate, work).measure());
            }
        }
        print("");
        print("summary, ms (p50 / p99 / max of the probes that alerted):");
        print("%-8s %-24s %-24s %-24s %-24s", "events/s", "poll wait", "ingest -> topic", "streams", "total");
        results.forEach((rate, probes) -> {
            List<ProbeLedger.Probe> complete = ProbeLedger.complete(probes);
            if (complete.isEmpty()) {
                print("%-8d no probe alerted", rate);
                return;
            }
            print("%-8d %-24s %-24s %-24s %-24s", rate, cell(complete, ProbeLedger.Probe::pollWait),
                    cell(complete, ProbeLedger.Probe::ingestToTopic), cell(complete, ProbeLedger.Probe::streams),
                    cell(complete, ProbeLedger.Probe::total));
        });
    }

    /** One rate: its own bucket, topics, ingest and streams app. */
    private static final class Run {

        private final EmbeddedKafkaBroker broker;
        private final EmbeddedS3Server s3Server;
        private final S3Client s3;
        private final LatencyOptions options;
        private final int rate;
        private final Path work;
        private final Topics topics;
        private final String bucket;
        private final ProbeLedger ledger = new ProbeLedger();
        private final AtomicLong rawRecords = new AtomicLong();
        private final AtomicLong passes = new AtomicLong();
        private final AtomicLong passMillis = new AtomicLong();
        private final AtomicBoolean stopping = new AtomicBoolean();
        /**
         * Alerts about the benign traffic, by detector, leaving the detectors and on the alerts topic, over the whole
         * run: the traffic is meant to alert on its probes alone, so any here are work the probes queue behind.
         */
        private final Map<String, LongAdder> benignDetected = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> benignAlerted = new ConcurrentHashMap<>();
        /** What ended a helper thread (ingest, a consumer) early, if anything: the run's figures would be wrong. */
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Run(EmbeddedKafkaBroker broker, EmbeddedS3Server s3Server, S3Client s3, LatencyOptions options, int rate,
                Path work) {
            this.broker = broker;
            this.s3Server = s3Server;
            this.s3 = s3;
            this.options = options;
            this.rate = rate;
            this.work = work;
            this.topics = new Topics("lat-" + rate);
            this.bucket = "lat-" + rate;
        }

        List<ProbeLedger.Probe> measure() throws Exception {
            createTopics();
            s3.createBucket(b -> b.bucket(bucket));
            List<Thread> threads = new ArrayList<>();
            CountDownLatch stopIngest = new CountDownLatch(1);
            IngestConfig ingestConfig = IngestConfig.from(Settings.of(ingestSettings()));
            try (StreamsApp app = new StreamsApp(StreamsAppConfig.from(Settings.of(streamsSettings())));
                 Ingester ingester = new Ingester(ingestConfig, IngestListener.NONE, Clock.systemUTC())) {
                app.start();
                while (app.state() != KafkaStreams.State.RUNNING) {
                    Thread.sleep(50);
                }
                try {
                    threads.add(start("raw", () -> consume(topics.cloudtrail().name(), this::onRaw)));
                    // Kafka Streams names a repartition topic <application id>-<name>-repartition.
                    threads.add(start("detected", () -> consume(appId(topics.prefix()) + "-"
                            + RoleTrailTopology.ALERTS_BY_ENTITY + "-repartition", this::onDetected)));
                    threads.add(start("alerts", () -> consume(topics.alerts().name(), this::onAlert)));
                    threads.add(start("ingest", () -> follow(ingester, ingestConfig, stopIngest)));

                    long cpuStarted = IngestBenchmark.processCpuNanos();
                    long started = System.currentTimeMillis();
                    long measuredFrom = started + options.warmup().toMillis();
                    long rawAtMeasure = write(measuredFrom);
                    long wroteUntil = System.currentTimeMillis();
                    long cpu = IngestBenchmark.processCpuNanos() - cpuStarted;
                    long rawMeasured = rawRecords.get() - rawAtMeasure;
                    long awaiting = ledger.probesSince(measuredFrom).stream().filter(p -> p.alerted() < 0).count();
                    awaitAlerts(measuredFrom);
                    List<ProbeLedger.Probe> probes = report(measuredFrom, wroteUntil, rawMeasured, awaiting,
                            cpu / 1e6 / (wroteUntil - started));
                    printThreadMetrics(app.streams().metrics());
                    return probes;
                } finally {
                    stopIngest.countDown();
                    ingester.stop();
                    stopping.set(true);
                    for (Thread thread : threads) {
                        thread.join(60_000);
                    }
                }
            }
        }

        /** Writes objects at the rate until the warm-up and the measured part are over; raw records at the switch. */
        private long write(long measuredFrom) throws Exception {
            LiveTraffic traffic = new LiveTraffic(rate, ACCOUNTS, USERS_PER_ACCOUNT);
            AtomicLong objects = new AtomicLong();
            AtomicLong rawAtMeasure = new AtomicLong(-1);
            ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r,
                    "latency-writer"));
            long endAt = measuredFrom + options.duration().toMillis();
            CountDownLatch done = new CountDownLatch(1);
            writer.scheduleAtFixedRate(() -> {
                try {
                    long now = System.currentTimeMillis();
                    if (now >= endAt) {
                        done.countDown();
                        return;
                    }
                    if (now >= measuredFrom) {
                        rawAtMeasure.compareAndSet(-1, rawRecords.get());
                    }
                    long n = objects.getAndIncrement();
                    int perSecond = options.objectsPerSecond();
                    int records = (int) ((n + 1) * rate / perSecond - n * rate / perSecond);
                    LiveTraffic.LogObject object = traffic.next(Instant.ofEpochMilli(now), records,
                            n % options.lateEvery() == options.lateEvery() - 1);
                    s3.putObject(b -> b.bucket(bucket).key(object.key()), RequestBody.fromBytes(object.gzipped()));
                    ledger.written(object.probeEventId(), "s3://" + bucket + "/" + object.key(), object.late(),
                            System.currentTimeMillis());
                } catch (RuntimeException e) {
                    // A failed run would otherwise stop writing without a word and wait for ever.
                    failure.compareAndSet(null, e);
                    done.countDown();
                }
            }, 0, 1_000_000L / options.objectsPerSecond(), TimeUnit.MICROSECONDS);
            done.await();
            writer.shutdownNow();
            writer.awaitTermination(10, TimeUnit.SECONDS);
            return Math.max(0, rawAtMeasure.get());
        }

        /** Until every probe written since {@code since} alerted, or two poll intervals and a minute went by. */
        private void awaitAlerts(long since) throws InterruptedException {
            long giveUpAt = System.currentTimeMillis() + 2 * options.pollInterval().toMillis() + 60_000;
            while (System.currentTimeMillis() < giveUpAt && failure.get() == null
                    && ledger.probesSince(since).stream().anyMatch(p -> p.alerted() < 0)) {
                Thread.sleep(200);
            }
        }

        /** {@code roletrail ingest --follow}'s loop: a pass over the bucket, then the poll interval, until stopped. */
        private void follow(Ingester ingester, IngestConfig config, CountDownLatch stop) {
            ObjectSource source = opening(new S3ObjectSource(s3, config.trailSelection(),
                    config.concurrency().listings(), config.concurrency().listPageSize()));
            try {
                do {
                    long started = System.currentTimeMillis();
                    ingester.ingest(source);
                    passes.incrementAndGet();
                    passMillis.addAndGet(System.currentTimeMillis() - started);
                } while (!stop.await(config.following().pollInterval().toMillis(), TimeUnit.MILLISECONDS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The source, noting when ingest opens each object (its GET, after listing and the read-ahead queue). */
        private ObjectSource opening(ObjectSource source) {
            return new ObjectSource() {
                @Override
                public Iterator<SourceObject> list(Checkpoints done) throws IOException {
                    Iterator<SourceObject> listed = source.list(done);
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return listed.hasNext();
                        }

                        @Override
                        public SourceObject next() {
                            SourceObject object = listed.next();
                            return new SourceObject(object.id(), object.size(), object.lastModified(),
                                    object.resumable(), () -> {
                                        ledger.opened(object.id(), System.currentTimeMillis());
                                        return object.open();
                                    });
                        }
                    };
                }

                @Override
                public String describe() {
                    return source.describe();
                }
            };
        }

        private void onRaw(ConsumerRecord<String, byte[]> record, long at) {
            rawRecords.incrementAndGet();
            if (record.key() != null && record.key().contains(LiveTraffic.PROBE_USER)) {
                try {
                    ledger.committed(Json.mapper().readTree(record.value()).path("eventID").asText(), at);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private void onDetected(ConsumerRecord<String, byte[]> record, long at) {
            if (record.value() == null) {
                return;
            }
            Alert alert = REPARTITIONED.deserializer().deserialize(record.topic(), record.value());
            alert.eventIds().stream().filter(ledger::isProbe).forEach(eventId -> ledger.detected(eventId, at));
            countIfBenign(alert, benignDetected);
        }

        private void countIfBenign(Alert alert, Map<String, LongAdder> counts) {
            if (alert.eventIds().stream().noneMatch(ledger::isProbe)) {
                counts.computeIfAbsent(alert.detector(), detector -> new LongAdder()).increment();
            }
        }

        private static String counts(Map<String, LongAdder> counts) {
            long total = counts.values().stream().mapToLong(LongAdder::sum).sum();
            return total + (counts.isEmpty() ? "" : " " + new TreeMap<>(counts.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()))));
        }

        private void onAlert(ConsumerRecord<String, byte[]> record, long at) {
            if (record.value() == null) {
                return;
            }
            Alert alert = topics.alerts().valueSerde().deserializer().deserialize(record.topic(), record.value());
            for (String eventId : alert.eventIds()) {
                if (ledger.isProbe(eventId)) {
                    ledger.alerted(eventId, at, alert.detector());
                }
            }
            countIfBenign(alert, benignAlerted);
        }

        /** Reads a topic from its start with read_committed, handing each record and when it was seen. */
        private void consume(String topic, BiConsumer<ConsumerRecord<String, byte[]>, Long> handler) {
            Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "isolation.level", "read_committed", "fetch.max.wait.ms", 50, "enable.auto.commit", false);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (!stopping.get()) {
                    var records = consumer.poll(Duration.ofMillis(200));
                    long at = System.currentTimeMillis();
                    records.forEach(record -> handler.accept(record, at));
                }
            }
        }

        private List<ProbeLedger.Probe> report(long measuredFrom, long wroteUntil, long rawMeasured, long awaiting,
                double coresBusy) {
            if (failure.get() != null) {
                throw new IllegalStateException("the " + rate + " events/s run failed", failure.get());
            }
            List<ProbeLedger.Probe> probes = ledger.probesSince(measuredFrom);
            List<ProbeLedger.Probe> complete = ProbeLedger.complete(probes);
            writeProbes(complete);
            double seconds = (wroteUntil - measuredFrom) / 1e3;
            print("");
            print("%,d events/s asked: %,.0f events/s committed on the raw topic while writing (%,d objects written"
                    + " in %.0f s); %d of %d probes alerted (first alert by %s); %d awaited their alert when writing"
                    + " stopped; ingest made %d passes of %,.0f ms on average; %.2f cores busy; load average %.2f",
                    rate, rawMeasured / seconds, probes.size(), seconds, complete.size(), probes.size(),
                    complete.stream().collect(Collectors.groupingBy(ProbeLedger.Probe::detector, TreeMap::new,
                            Collectors.counting())), awaiting, passes.get(),
                    passMillis.get() / (double) Math.max(1, passes.get()), coresBusy, loadAverage());
            print("alerts about the benign traffic over the run: %s leaving the detectors, %s on the alerts topic",
                    counts(benignDetected), counts(benignAlerted));
            if (complete.isEmpty()) {
                return probes;
            }
            print("  %-16s %8s %8s %8s  (ms)", "", "p50", "p99", "max");
            row("poll wait", ProbeLedger.stage(complete, ProbeLedger.Probe::pollWait));
            row("ingest -> topic", ProbeLedger.stage(complete, ProbeLedger.Probe::ingestToTopic));
            row("streams", ProbeLedger.stage(complete, ProbeLedger.Probe::streams));
            row("  detectors", ProbeLedger.stage(complete, ProbeLedger.Probe::detectors));
            row("  suppression", ProbeLedger.stage(complete, ProbeLedger.Probe::suppression));
            row("total", ProbeLedger.stage(complete, ProbeLedger.Probe::total));
            List<ProbeLedger.Probe> late = complete.stream().filter(ProbeLedger.Probe::late).toList();
            if (!late.isEmpty()) {
                row("streams, late", ProbeLedger.stage(late, ProbeLedger.Probe::streams));
            }
            int third = complete.size() / 3;
            if (third > 0) {
                row("total, 1st third", ProbeLedger.stage(complete.subList(0, third), ProbeLedger.Probe::total));
                row("total, last third", ProbeLedger.stage(complete.subList(complete.size() - third, complete.size()),
                        ProbeLedger.Probe::total));
            }
            return probes;
        }

        /**
         * With {@code -Dbench.probes=<file>}, every probe that alerted, one CSV line each (a rate's file gets the rate
         * in its name): where a tail comes from shows in when its probes were written.
         */
        private void writeProbes(List<ProbeLedger.Probe> complete) {
            String file = System.getProperty("bench.probes");
            if (file == null) {
                return;
            }
            List<String> lines = new ArrayList<>();
            lines.add("written_ms,late,poll_wait,ingest_to_topic,detectors,suppression,streams,total");
            complete.forEach(p -> lines.add(String.join(",", String.valueOf(p.written()), String.valueOf(p.late()),
                    String.valueOf(p.pollWait()), String.valueOf(p.ingestToTopic()), String.valueOf(p.detectors()),
                    String.valueOf(p.suppression()), String.valueOf(p.streams()), String.valueOf(p.total()))));
            Path path = Path.of(file.replace(".csv", "") + "-" + rate + ".csv");
            try {
                Files.write(path, lines);
            } catch (IOException e) {
                print("bench.probes: cannot write %s (%s); the run's figures follow", path, e.getMessage());
            }
        }

        /**
         * What the stream threads did over the whole run (Kafka Streams' own thread metrics): where their time went
         * (the ratios), and how long a commit took, which every alert waits for twice.
         */
        private static void printThreadMetrics(Map<MetricName, ? extends Metric> metrics) {
            List<String> names = List.of("process-ratio", "commit-ratio", "poll-ratio", "punctuate-ratio",
                    "commit-rate", "commit-latency-avg", "commit-latency-max", "poll-latency-avg",
                    "process-latency-avg");
            Map<String, Map<String, Object>> byThread = new TreeMap<>();
            metrics.forEach((name, metric) -> {
                if ("stream-thread-metrics".equals(name.group()) && names.contains(name.name())) {
                    byThread.computeIfAbsent(name.tags().getOrDefault("thread-id", "?"), t -> new TreeMap<>())
                            .put(name.name(), metric.metricValue());
                }
            });
            byThread.forEach((thread, values) -> {
                StringBuilder line = new StringBuilder("  ")
                        .append(thread.replaceAll(".*-(StreamThread-\\d+)$", "$1")).append(':');
                for (String name : names) {
                    if (values.get(name) instanceof Double value && !value.isNaN()) {
                        line.append(String.format(Locale.ROOT, " %s %.3f", name, value));
                    }
                }
                print("%s", line);
            });
        }

        private Thread start(String name, Runnable body) {
            Thread thread = new Thread(body, "latency-" + name);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e));
            thread.start();
            return thread;
        }

        private void createTopics() throws Exception {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(topics.topicConfigs().entrySet().stream()
                        .map(e -> new NewTopic(e.getKey(), PARTITIONS, (short) 1).configs(e.getValue())).toList())
                        .all().get();
            }
        }

        private Map<String, String> streamsSettings() {
            Map<String, String> settings = common();
            settings.put("streams.application.id", appId(topics.prefix()));
            settings.put("streams.state.dir", work.resolve("state-" + rate).toString());
            settings.put("kafka.num.stream.threads", "2");
            return overridden(settings);
        }

        private Map<String, String> ingestSettings() {
            Map<String, String> settings = common();
            settings.put("ingest.transactional.id", topics.prefix() + "-ingest");
            settings.put("ingest.s3.bucket", bucket);
            settings.put("s3.endpoint", s3Server.endpoint().toString());
            settings.put("s3.region", "us-east-1");
            settings.put("s3.path-style", "true");
            settings.put("ingest.follow", "true");
            settings.put("ingest.poll-interval", options.pollInterval().toMillis() + "ms");
            return overridden(settings);
        }

        private Map<String, String> common() {
            Map<String, String> settings = new HashMap<>();
            settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
            settings.put("topic.prefix", topics.prefix());
            return settings;
        }
    }

    /** Any RoleTrail setting can be tried without a rebuild: {@code -Droletrail.<setting>=<value>}. */
    private static Map<String, String> overridden(Map<String, String> settings) {
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("roletrail."))
                .forEach(n -> settings.put(n.substring("roletrail.".length()), System.getProperty(n)));
        return settings;
    }

    private static String cell(List<ProbeLedger.Probe> complete, ToLongFunction<ProbeLedger.Probe> stage) {
        Percentiles p = ProbeLedger.stage(complete, stage);
        return String.format(Locale.ROOT, "%,d / %,d / %,d", p.p50(), p.p99(), p.max());
    }

    private static String appId(String topicPrefix) {
        return topicPrefix + "-app";
    }

    private static void row(String name, Percentiles p) {
        print("  %-16s %,8d %,8d %,8d  (%d probes)", name, p.p50(), p.p99(), p.max(), p.count());
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
