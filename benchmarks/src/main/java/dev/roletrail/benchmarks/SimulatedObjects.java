package dev.roletrail.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import dev.roletrail.schemas.Json;

/**
 * Ingest-benchmark data from {@code roletrail simulate --out DIR}: the log objects under {@code DIR/AWSLogs/}, with
 * their keys as the simulator wrote them (the CloudTrail S3 layout), in key order, up to a number of records.
 * Chosen with {@code -Dbench.simulator-dir=DIR}.
 */
final class SimulatedObjects {

    static final String DIRECTORY_PROPERTY = "bench.simulator-dir";

    private SimulatedObjects() {
    }

    /** The directory the property names, or null when the benchmark generates its own data. */
    static Path directory() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /** Whole objects in key order until they hold at least {@code records} records (all of them if fewer). */
    static List<BenchmarkData.LogObject> load(Path dir, int records) throws IOException {
        Path logs = dir.resolve("AWSLogs");
        if (!Files.isDirectory(logs)) {
            throw new IOException("no simulated trail under " + logs + " (write one with roletrail simulate --out "
                    + dir + ")");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logs)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".json.gz")).sorted().toList();
        }
        List<BenchmarkData.LogObject> objects = new ArrayList<>();
        int loaded = 0;
        for (Path file : files) {
            if (loaded >= records) {
                break;
            }
            byte[] gzipped = Files.readAllBytes(file);
            int count = recordsIn(gzipped);
            objects.add(new BenchmarkData.LogObject(dir.relativize(file).toString().replace('\\', '/'), gzipped, count));
            loaded += count;
        }
        return objects;
    }

    private static int recordsIn(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return Json.mapper().readTree(in).path("Records").size();
        }
    }
}
