package dev.roletrail.benchmarks.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A part of the pipeline in a JVM of its own on this JVM's class path, so that it can be killed with SIGKILL as a
 * crash would kill it; standard output and error go to a log file.
 */
final class ChildJvm implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(40);
    private static final long POLL_MILLIS = 100;

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(String name, Class<?> main, List<String> args, Map<String, String> env, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ChildJvm(name, builder.start(), log);
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The exit code; only once the process ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no close, no commit. Returns whether it was still running, once it is gone. */
    boolean kill() throws InterruptedException {
        boolean wasAlive = process.isAlive();
        process.destroyForcibly().waitFor();
        return wasAlive;
    }

    /** Waits for the process to end by itself; false if it still runs after {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends one line to the child's standard input. */
    void send(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to " + name + " (" + log + ")", e);
        }
    }

    /**
     * Waits until the child wrote a line starting with {@code prefix}; false if it ended first, an exception if
     * {@code timeout} passes.
     */
    boolean awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines().stream().anyMatch(line -> line.startsWith(prefix))) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException(name + " did not write '" + prefix + "' within " + timeout + ", see " + log);
    }

    /** Sends {@code question} and waits for the child's line repeating it: the rest of that line. */
    String ask(String question, Duration timeout) throws InterruptedException {
        send(question);
        String prefix = question + " ";
        if (!awaitLine(prefix, timeout)) {
            throw new IllegalStateException(name + " ended before it answered '" + question + "', see " + log);
        }
        return lines().stream().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length());
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the child cleanly (SIGTERM), forcibly if it does not end in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}
