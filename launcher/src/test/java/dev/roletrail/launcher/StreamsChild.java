package dev.roletrail.launcher;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dev.roletrail.schemas.Topics;
import dev.roletrail.testkit.TestKafka;

/**
 * A streams app in a child JVM on the test's class path, so that a test can kill it with SIGKILL, as a crash would,
 * and start it again on the same state directory. Its output (standard out and error) goes to a log file.
 */
final class StreamsChild implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(40);

    private final Process process;
    private final Path log;

    private StreamsChild(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Settings of a streams app on a test's topics, with a state directory of its own: commits every 200 ms and small
     * polls keep a kill in the middle of the work; a short session lets a restarted member rejoin without waiting
     * long for the killed one to time out; the query API on a free port.
     */
    static Map<String, String> settings(TestKafka kafka, Topics topics, String applicationId, Path stateDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("topic.prefix", topics.prefix());
        settings.put("streams.application.id", applicationId);
        settings.put("streams.state.dir", stateDir.toString());
        settings.put("kafka.commit.interval.ms", "200");
        settings.put("query.port", "0");
        settings.put("kafka.consumer.max.poll.records", "100");
        settings.put("kafka.consumer.session.timeout.ms", "6000");
        settings.put("kafka.consumer.heartbeat.interval.ms", "1500");
        return settings;
    }

    /** Writes settings as a properties file for {@code --config} (or {@link StreamsChildMain}). */
    static Path writeConfig(Map<String, String> settings, Path file) throws IOException {
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "streams app in a child JVM");
        }
        return file;
    }

    /** {@code roletrail streams --config <config>}, as a user runs it. */
    static StreamsChild roleTrailStreams(Path config, Path log) throws IOException {
        return start(List.of("-Xmx512m"), RoleTrail.class, List.of("streams", "--config", config.toString()), log);
    }

    /** {@link StreamsChildMain} on {@code config}: a streams app told the end of its input on standard input. */
    static StreamsChild controlled(Path config, Path log) throws IOException {
        // Three of these run beside the broker on a 2-core machine: a small heap and the quick compiler keep them light
        return start(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), StreamsChildMain.class,
                List.of(config.toString()), log);
    }

    private static StreamsChild start(List<String> jvmOptions, Class<?> main, List<String> args, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new StreamsChild(process, log);
    }

    /** SIGKILL: no shutdown hook, no close, no commit; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Sends one line to the child's standard input ({@link StreamsChildMain}'s commands). */
    void send(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to the child JVM (" + log + ")", e);
        }
    }

    /** The lines the child wrote so far that start with {@code prefix}, the prefix and a space cut off. */
    List<String> lines(String prefix) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(prefix + " ")).map(line -> line.substring(prefix.length() + 1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the child's first line starting with {@code prefix} and returns the rest of it. */
    String awaitLine(String prefix, Duration timeout) {
        return await(prefix + " in " + log).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the child JVM ended (exit " + process.exitValue() + "), see " + log);
                    }
                    return lines(prefix);
                }, found -> !found.isEmpty()).get(0);
    }

    /** Stops the child cleanly (SIGTERM, so Kafka Streams closes), forcibly if it does not end in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
