package dev.roletrail.benchmarks.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeSet;

import dev.roletrail.embedded.EmbeddedKafkaBroker;
import dev.roletrail.embedded.EmbeddedS3Server;
import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.launcher.RoleTrail;
import dev.roletrail.launcher.TopicSetup;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.simulator.SimulationResult;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.output.S3Sink;
import dev.roletrail.simulator.output.TrailLayout;
import dev.roletrail.streams.control.ControlLines;
import dev.roletrail.streams.control.Settling;
import dev.roletrail.testkit.CloudTrailFiles;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A simulated organisation through the whole pipeline twice, over one in-process S3 server and one real broker: once
 * undisturbed, and once while ingest ({@code roletrail ingest}, in a child JVM) and the streams app (one instance, in a
 * child JVM) are killed with SIGKILL at seeded random moments and restarted, and the broker is restarted on its ports
 * and log directory. Then the alerts, findings and dead letters of the two runs are compared.
 * <p>
 * One streams instance with one stream thread: README's known limits name what several instances change (the
 * findings' last day, order-dependent baselines), which this run is not about.
 */
public final class ChaosRun {

    /**
     * @param organisation   the simulated organisation (its seed is the simulation's)
     * @param seed           seeds the victims and the moments of the kills and broker restarts
     * @param kills          SIGKILLs of ingest or the streams app in all
     * @param brokerRestarts broker restarts, between kills
     * @param partitions     partitions of every topic
     */
    public record Plan(SimulationSpec organisation, long seed, int kills, int brokerRestarts, int partitions) {

        public Plan {
            if (kills < 1) {
                throw new IllegalArgumentException("kills must be at least 1, was " + kills);
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
            }
            if (brokerRestarts < 0 || brokerRestarts > kills) {
                throw new IllegalArgumentException("broker restarts must be between 0 and the kills (" + kills
                        + "), was " + brokerRestarts);
            }
        }
    }

    /**
     * @param events          CloudTrail events simulated
     * @param ingestKills     SIGKILLs of ingest while it ran
     * @param streamsKills    SIGKILLs of the streams app while it ran
     * @param brokerRestarts  broker restarts
     * @param ownExits        times a child ended by itself with an error (restarted like a killed one)
     * @param alerts          alert ids of either run
     * @param findings        finding ids of either run
     * @param deadLetters     dead-letter (source, reason) pairs of either run
     * @param differences     one line per id or pair on which the runs differ
     * @param clean           the undisturbed run's wall-clock time
     * @param chaos           the disturbed run's wall-clock time
     */
    public record Outcome(long events, int ingestKills, int streamsKills, int brokerRestarts, int ownExits,
            int alerts, int findings, int deadLetters, List<String> differences, Duration clean, Duration chaos) {

        public Outcome {
            differences = List.copyOf(differences);
        }

        public int kills() {
            return ingestKills + streamsKills;
        }

        public int recordsCompared() {
            return alerts + findings + deadLetters;
        }
    }

    private static final String BUCKET = "roletrail-chaos";
    /** What {@code roletrail ingest} writes for each inventory snapshot, before it reads the trail. */
    private static final String INVENTORY_WRITTEN = "inventory: ";
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
    /** Log objects ingest must set aside, by the random part of their key. */
    private static final Map<String, byte[]> UNREADABLE = Map.of(
            "chaosNotGzip", "not gzip".getBytes(StandardCharsets.UTF_8),
            "chaosNotAnObject", CloudTrailFiles.gzip(CloudTrailFiles.envelope(List.of("42"))));

    private final Plan plan;
    private final Path workDir;
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private EmbeddedKafkaBroker broker;
    private EmbeddedS3Server s3Server;
    private int ingestKills;
    private int streamsKills;
    private int brokerRestarts;
    private int ownExits;

    public ChaosRun(Plan plan, Path workDir, PrintStream out) {
        this.plan = plan;
        this.workDir = workDir;
        this.out = out;
    }

    public Outcome run() throws Exception {
        broker = EmbeddedKafkaBroker.start(workDir.resolve("kafka"));
        s3Server = EmbeddedS3Server.start();
        try (S3Client s3 = S3Clients.create(new S3Clients.S3Settings(s3Server.endpoint(), "us-east-1", true),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(s3Server.accessKey(),
                        s3Server.secretKey())))) {
            s3.createBucket(b -> b.bucket(BUCKET));
            SimulationResult simulated;
            try (S3Sink sink = new S3Sink(s3, BUCKET, "")) {
                simulated = Simulator.run(plan.organisation(), sink);
            }
            putUnreadableInput(s3);
            say("simulated %,d events in %,d objects, and %d objects to set aside", simulated.events(),
                    simulated.objects(), UNREADABLE.size());
            long cleanStart = System.nanoTime();
            PipelineOutput clean = pipeline("clean", false);
            Duration cleanTime = Duration.ofNanos(System.nanoTime() - cleanStart);
            say("clean run: %d s", cleanTime.toSeconds());
            long chaosStart = System.nanoTime();
            PipelineOutput chaos = pipeline("chaos", true);
            Duration chaosTime = Duration.ofNanos(System.nanoTime() - chaosStart);
            say("chaos run: %d s", chaosTime.toSeconds());
            List<Integer> compared = clean.recordsComparedWith(chaos);
            return new Outcome(simulated.events(), ingestKills, streamsKills, brokerRestarts, ownExits,
                    compared.get(0), compared.get(1), compared.get(2), clean.differences(chaos, "clean", "chaos"),
                    cleanTime, chaosTime);
        } finally {
            s3Server.close();
            broker.close();
        }
    }

    /**
     * Log objects among the simulated ones that ingest must turn into dead letters, so that the dead letters are
     * compared too: one that is not gzip, and one whose only record is not a JSON object.
     */
    private void putUnreadableInput(S3Client s3) {
        Organization org = Simulator.organization(plan.organisation());
        Instant delivered = plan.organisation().start().plus(Duration.ofDays(2));
        UNREADABLE.forEach((suffix, bytes) -> s3.putObject(b -> b.bucket(BUCKET).key(TrailLayout.key(org.id(),
                org.accountIds().get(0), "eu-west-1", delivered, suffix)), RequestBody.fromBytes(bytes)));
    }

    /** One run on topics and an application of its own; with {@code chaos}, the kills and broker restarts. */
    private PipelineOutput pipeline(String name, boolean chaos) throws Exception {
        Topics topics = new Topics("chaos-" + name);
        Map<String, String> settings = settings(topics, name);
        Properties kafka = Settings.of(settings).kafkaProperties();
        TopicSetup.ensure(kafka, topics, plan.partitions(), (short) 1);
        Path config = workDir.resolve(name + ".properties");
        writeConfig(settings, config);
        Parts parts = new Parts(name, config);
        try {
            parts.startStreams();
            parts.startIngest();
            if (chaos) {
                disturb(parts);
            }
            parts.finishIngest();
            say("%s: ingest done", name);
            StreamsProgress progress = new StreamsProgress(kafka, settings.get("streams.application.id"), topics);
            progress.awaitNoLag(STEP_TIMEOUT, parts::requireStreams);
            parts.endOfInput();
            Settling.await(() -> progress.awaitNoLag(STEP_TIMEOUT, parts::requireStreams),
                    parts::settled, STEP_TIMEOUT);
            return PipelineOutput.read(kafka, topics, STEP_TIMEOUT);
        } finally {
            parts.close();
        }
    }

    /**
     * The kills: each picks ingest (while it has work left, one time in two) or the streams app, waits a random
     * moment (0.5–6 s after ingest wrote the inventory and began on the trail, or after the streams app reached
     * RUNNING), kills it and starts it again; the
     * broker restarts after kills picked at random.
     */
    private void disturb(Parts parts) throws Exception {
        SplittableRandom random = new SplittableRandom(plan.seed());
        TreeSet<Integer> restartAfter = new TreeSet<>();
        while (restartAfter.size() < plan.brokerRestarts()) {
            restartAfter.add(random.nextInt(1, plan.kills() + 1));
        }
        int kills = 0;
        while (kills < plan.kills()) {
            boolean killed;
            if (parts.ingestWorking() && random.nextBoolean()) {
                killed = parts.killIngest(Duration.ofMillis(random.nextLong(500, 6_000)));
                ingestKills += killed ? 1 : 0;
            } else {
                killed = parts.killStreams(Duration.ofMillis(random.nextLong(500, 6_000)));
                streamsKills += killed ? 1 : 0;
            }
            if (killed) {
                kills++;
                if (restartAfter.remove(kills)) {
                    long stopped = System.nanoTime();
                    broker.restart();
                    brokerRestarts++;
                    say("broker restart %d: %d ms", brokerRestarts, (System.nanoTime() - stopped) / 1_000_000);
                }
            }
        }
    }

    private Map<String, String> settings(Topics topics, String name) {
        Map<String, String> settings = new HashMap<>(Simulator.settings(Simulator.organization(plan.organisation())));
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("topic.prefix", topics.prefix());
        settings.put("ingest.transactional.id", topics.prefix() + "-ingest");
        settings.put("ingest.s3.bucket", BUCKET);
        settings.put("ingest.inventory", "s3://" + BUCKET + "/" + Simulator.INVENTORY_PREFIX);
        settings.put("s3.endpoint", s3Server.endpoint().toString());
        settings.put("s3.region", "us-east-1");
        settings.put("s3.path-style", "true");
        // Small transactions, so that kills land between and inside them.
        settings.put("ingest.transaction-records", "500");
        settings.put("ingest.transaction-interval", "100ms");
        settings.put("streams.application.id", topics.prefix() + "-app");
        settings.put("streams.state.dir", workDir.resolve(name + "-state").toString());
        settings.put("kafka.num.stream.threads", "1");
        settings.put("kafka.commit.interval.ms", "500");
        // A restarted instance takes the killed one's place at once instead of waiting for its session to end.
        settings.put("kafka.main.consumer.group.instance.id", topics.prefix() + "-instance");
        settings.put("kafka.consumer.session.timeout.ms", "10000");
        // Calls of a session not seen yet wait for it at least this long of wall clock before they go on without
        // lineage; kills and restarts delay sessions by a time that depends on the machine, and so would lineage. They
        // wait for their session or the end of the input instead, as in EndOfInputIT.
        settings.put("streams.lineage-hold-wall", "10m");
        settings.put("streams.lineage-idle-release", "0s");
        return settings;
    }

    private static void writeConfig(Map<String, String> settings, Path file) throws IOException {
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "chaos run");
        }
    }

    private void say(String format, Object... args) {
        out.printf("[%4d s] %s%n", (System.nanoTime() - t0) / 1_000_000_000, String.format(format, args));
    }

    /** The two child JVMs of one run, started again after each kill. */
    private final class Parts implements AutoCloseable {

        private final String run;
        private final Path config;
        private final Path logs;
        private int started;
        private ChildJvm ingest;
        private ChildJvm streams;
        /** Numbers the questions to the streams app, so each answer is told from earlier ones. */
        private int questions;
        private boolean ingestDone;

        Parts(String run, Path config) throws IOException {
            this.run = run;
            this.config = config;
            this.logs = Files.createDirectories(workDir.resolve(run + "-logs"));
        }

        void startIngest() throws IOException {
            ingest = ChildJvm.start(run + " ingest", RoleTrail.class, List.of("ingest", "--config", config.toString()),
                    Map.of("AWS_ACCESS_KEY_ID", s3Server.accessKey(), "AWS_SECRET_ACCESS_KEY", s3Server.secretKey(),
                            "AWS_REGION", "us-east-1"),
                    logs.resolve("ingest-" + started++ + ".log"));
        }

        void startStreams() throws IOException {
            streams = ChildJvm.start(run + " streams", ControlledStreams.class, List.of(config.toString()), Map.of(),
                    logs.resolve("streams-" + started++ + ".log"));
        }

        /** Whether ingest still runs; notes its end, and starts it again if it ended with an error. */
        boolean ingestWorking() throws IOException {
            if (ingestDone || ingest.alive()) {
                return !ingestDone;
            }
            if (ingest.exitValue() == 0) {
                ingestDone = true;
                say("%s: ingest finished", run);
                return false;
            }
            ownExits++;
            say("%s: %s ended by itself with exit %d; starting it again", run, ingest, ingest.exitValue());
            startIngest();
            return true;
        }

        /**
         * Kills ingest {@code after} it started on the trail (it wrote its inventory lines) unless it finished first;
         * whether it was killed.
         */
        boolean killIngest(Duration after) throws Exception {
            boolean reading = ingest.awaitLine(INVENTORY_WRITTEN, STEP_TIMEOUT);
            boolean killed = reading && !ingest.awaitExit(after) && ingest.kill();
            if (killed) {
                say("%s: SIGKILL ingest (%d ms after its inventory)", run, after.toMillis());
                startIngest();
            }
            return killed;
        }

        /** Kills the streams app {@code after} it is RUNNING; whether it was killed while running. */
        boolean killStreams(Duration after) throws Exception {
            boolean running = streams.awaitLine(ControlledStreams.RUNNING, STEP_TIMEOUT);
            boolean killed = running && !streams.awaitExit(after) && streams.kill();
            if (killed) {
                say("%s: SIGKILL streams app (%d ms after RUNNING)", run, after.toMillis());
            } else {
                ownExits++;
                say("%s: %s ended by itself with exit %d; starting it again", run, streams, streams.exitValue());
            }
            startStreams();
            return killed;
        }

        /** Waits for ingest to read everything, starting it again whenever it ends with an error. */
        void finishIngest() throws Exception {
            while (!ingestDone) {
                if (!ingest.awaitExit(STEP_TIMEOUT)) {
                    throw new IllegalStateException(ingest + " did not finish within " + STEP_TIMEOUT);
                }
                ingestWorking();
            }
        }

        /** Fails if the streams app ended: nothing restarts it once the kills are over. */
        void requireStreams() {
            if (!streams.alive()) {
                throw new IllegalStateException(streams + " ended with exit " + streams.exitValue());
            }
        }

        /** Whether the streams app has nothing left to do after the end of input ({@code StreamsApp.settled()}). */
        boolean settled() throws InterruptedException {
            String answer = streams.ask(ControlLines.settledQuestion(++questions), STEP_TIMEOUT);
            return Boolean.parseBoolean(answer);
        }

        /** Tells the streams app its input ended and waits until no call is held for its session. */
        void endOfInput() throws Exception {
            streams.send(ControlLines.END_OF_INPUT);
            if (!streams.awaitLine(ControlLines.NOTHING_HELD, STEP_TIMEOUT)) {
                throw new IllegalStateException(streams + " ended before it released its held calls");
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (ingest != null) {
                ingest.close();
            }
            if (streams != null) {
                streams.close();
            }
        }
    }
}
