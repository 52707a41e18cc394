package dev.roletrail.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in this JVM: KRaft, one process acting as controller and broker, plaintext
 * listeners on free ports of 127.0.0.1.
 *
 * <p>Configured for one node: internal topics (consumer offsets, transaction state) have replication factor 1 and one
 * partition, so transactions and {@code exactly_once_v2} work; topics are never auto-created; new topics get one
 * partition. {@link #stop()} and {@link #restart()} keep the ports and the log directory, so data survives.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path logDir;
    private final boolean ownsLogDir;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, boolean ownsLogDir, int brokerPort, int controllerPort) {
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker whose data lives in a new temporary directory, deleted again by {@link #close()}. */
    public static EmbeddedKafkaBroker start() {
        try {
            return start(Files.createTempDirectory("roletrail-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary Kafka log directory", e);
        }
    }

    /**
     * Starts a broker on {@code logDir}, formatting it first unless it already holds Kafka data; {@link #close()}
     * leaves the directory in place.
     */
    public static EmbeddedKafkaBroker start(Path logDir) {
        return start(logDir.toAbsolutePath(), false);
    }

    private static EmbeddedKafkaBroker start(Path logDir, boolean ownsLogDir) {
        int[] ports = freePorts(2);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, ownsLogDir, ports[0], ports[1]);
        long started = System.nanoTime();
        try {
            broker.formatStorage();
            broker.startServer(started);
            return broker;
        } catch (RuntimeException | Error e) {
            broker.close();
            throw e;
        }
    }

    /** The {@code bootstrap.servers} value for clients; unchanged across {@link #restart()}. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    /** The directory holding the broker's metadata and topic data. */
    public Path logDir() {
        return logDir;
    }

    /** Whether the broker is currently serving (started and not {@linkplain #stop() stopped}). */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down, keeping ports and data for {@link #restart()}; does nothing if already stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker at {} stopped in {} ms", bootstrapServers(), elapsedMillis(started));
    }

    /** Stops the broker if it runs and starts it again on the same ports and log directory. */
    public synchronized void restart() {
        stop();
        startServer(System.nanoTime());
    }

    /** Stops the broker and deletes its log directory if {@link #start()} created it. */
    @Override
    public synchronized void close() {
        stop();
        if (ownsLogDir) {
            try {
                Utils.delete(logDir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete Kafka log directory " + logDir, e);
            }
        }
    }

    private void formatStorage() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            // Formatted by an earlier run (perhaps in another JVM): it keeps its cluster id and data. Formatting again,
            // even with ignoreFormatted, would fail on the new random cluster id.
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream formatterOutput = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                .setPrintStream(formatterOutput)
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setIgnoreFormatted(true)
                .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir, e);
        }
        log.debug("Kafka storage format: {}", output.toString(StandardCharsets.UTF_8).strip());
    }

    /** Starts the server; the logged start time counts from {@code startedNanos}, so it includes formatting. */
    private void startServer(long startedNanos) {
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(serverProperties(), false), Time.SYSTEM);
        try {
            // Returns once the broker is registered with the controller and unfenced, i.e. ready for clients.
            starting.startup();
        } catch (RuntimeException | Error e) {
            starting.shutdown();
            starting.awaitShutdown();
            throw e;
        }
        server = starting;
        log.info("Kafka broker started in {} ms at {} (log dir {})",
            elapsedMillis(startedNanos), bootstrapServers(), logDir);
    }

    private Map<String, Object> serverProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("listeners",
            BROKER_LISTENER + "://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toString());

        // One node: internal topics cannot have more replicas than brokers, or transactions never initialise.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        // Consumer groups (and Kafka Streams) should not wait 3 s for more members that never come.
        props.put("group.initial.rebalance.delay.ms", "0");
        // A crashed transactional producer's open transaction blocks read_committed readers until it times out;
        // look for timed-out transactions every second instead of every ten.
        props.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
        // Topics are created on purpose, with the partitions the caller asks for.
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");

        // Lean: two cores and a test JVM of 1 GB. The cleaner's dedupe buffer defaults to 128 MB of heap.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", Long.toString(4L * 1024 * 1024));
        props.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        return props;
    }

    /** Reserves distinct free ports; the controller port must be known before start for the static voter list. */
    private static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getByName(HOST));
            }
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports on " + HOST, e);
        } finally {
            for (ServerSocket socket : sockets) {
                Utils.closeQuietly(socket, "port probe");
            }
        }
    }

    private static long elapsedMillis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
