package dev.roletrail.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.utils.Utils;

/**
 * A benchmark run's scratch directory (the broker's logs, the apps' state stores), deleted when the run ends: left
 * behind, each run kept tens to hundreds of megabytes under the temporary directory, 17 GB after a day of reruns here.
 * {@code -Dbench.keep-work=true} keeps it, to look into.
 */
final class WorkDirectory implements AutoCloseable {

    private final Path path;
    private boolean keep = Boolean.getBoolean("bench.keep-work");

    private WorkDirectory(Path path) {
        this.path = path;
    }

    static WorkDirectory create(String prefix) throws IOException {
        return new WorkDirectory(Files.createTempDirectory(prefix));
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    /** Kept after the run, e.g. when it found something worth a look. */
    void keep() {
        keep = true;
    }

    @Override
    public void close() throws IOException {
        if (keep) {
            System.out.println("work directory kept: " + path);
        } else {
            Utils.delete(path.toFile());
        }
    }
}
