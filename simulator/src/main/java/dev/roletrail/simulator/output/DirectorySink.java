package dev.roletrail.simulator.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes each object to {@code <root>/<key>}, creating folders as needed. */
public final class DirectorySink implements DatasetSink {

    private final Path root;

    public DirectorySink(Path root) {
        this.root = root;
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        Files.write(file(key), bytes);
    }

    @Override
    public void write(String key, Content content) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file(key)), 1 << 16)) {
            content.writeTo(out);
        }
    }

    private Path file(String key) throws IOException {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new IOException("key escapes the output directory: " + key);
        }
        Files.createDirectories(file.getParent());
        return file;
    }
}
