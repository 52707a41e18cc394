package dev.roletrail.streams.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds, before Kafka Streams starts, the tasks whose local RocksDB stores a crash left incomplete, and deletes their
 * directories, so they are restored from their changelogs. Kafka Streams 4.3 opens the stores it finds on disk at
 * start, and a store whose {@code CURRENT} file names a {@code MANIFEST} that was never written (a SIGKILL while
 * RocksDB created a window segment's files) made {@code KafkaStreams.start()} throw, so the app could not start again
 * (once in 19 kills and restarts of ScaleOutKillIT). A task's local state is a copy of its changelog: deleting it
 * costs a restore, which exactly-once does after a crash anyway.
 * <p>
 * Layout: {@code <state.dir>/<application.id>/<task, e.g. 0_9>/.../CURRENT}, key-value stores under
 * {@code rocksdb/<store>}, window segments under {@code <store>/<store>.<segment>}.
 */
public final class IncompleteStores {

    private static final Pattern TASK = Pattern.compile("\\d+_\\d+");
    /** Below a task directory: {@code rocksdb/<store>/CURRENT} or {@code <store>/<segment>/CURRENT}. */
    private static final int DEPTH = 3;

    private IncompleteStores() {
    }

    /** A task directory deleted, and the store in it that was incomplete. */
    public record Deleted(String task, Path store) {
    }

    /** Deletes the task directories under {@code applicationDir} holding an incomplete store; what it deleted. */
    public static List<Deleted> deleteIn(Path applicationDir) {
        if (!Files.isDirectory(applicationDir)) {
            return List.of();
        }
        List<Deleted> deleted = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(applicationDir)) {
            for (Path task : tasks.filter(Files::isDirectory)
                    .filter(dir -> TASK.matcher(dir.getFileName().toString()).matches()).toList()) {
                Path incomplete = firstIncomplete(task);
                if (incomplete != null) {
                    deleteRecursively(task);
                    deleted.add(new Deleted(task.getFileName().toString(), task.relativize(incomplete)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the local state in " + applicationDir, e);
        }
        return deleted;
    }

    /** The first store directory in the task whose {@code CURRENT} is empty or names a missing manifest, or null. */
    private static Path firstIncomplete(Path task) throws IOException {
        try (Stream<Path> files = Files.find(task, DEPTH,
                (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().equals("CURRENT"))) {
            for (Path current : files.sorted().toList()) {
                String manifest = Files.readString(current, StandardCharsets.UTF_8).strip();
                if (manifest.isEmpty() || !Files.exists(current.resolveSibling(manifest))) {
                    return current.getParent();
                }
            }
        }
        return null;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
