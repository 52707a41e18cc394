package dev.roletrail.simulator.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts each object into {@code s3://bucket/<prefix><key>}; the caller builds (and closes) the client. Most log
 * objects are tiny, so a put costs its round trip: a few run at once, and {@link #close} waits for all of them and
 * reports the first failure.
 */
public final class S3Sink implements DatasetSink {

    private static final int IN_FLIGHT = 8;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final ExecutorService puts = Executors.newFixedThreadPool(IN_FLIGHT);
    private final List<Future<?>> pending = new ArrayList<>();

    public S3Sink(S3Client s3, String bucket, String prefix) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = prefix == null || prefix.isEmpty() || prefix.endsWith("/") ? Objects.toString(prefix, "")
                : prefix + "/";
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        pending.add(puts.submit(() -> s3.putObject(b -> b.bucket(bucket).key(prefix + key), RequestBody.fromBytes(bytes))));
        if (pending.size() >= 4 * IN_FLIGHT) {
            awaitPending();
        }
    }

    /** Through a temporary file: an inventory of a large organisation is hundreds of megabytes. */
    @Override
    public void write(String key, Content content) throws IOException {
        Path file = Files.createTempFile("roletrail-sim", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                content.writeTo(out);
            }
            s3.putObject(b -> b.bucket(bucket).key(prefix + key), RequestBody.fromFile(file));
        } finally {
            Files.delete(file);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            awaitPending();
        } finally {
            puts.shutdownNow();
        }
    }

    private void awaitPending() throws IOException {
        try {
            for (Future<?> put : pending) {
                put.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("writing to s3://" + bucket + "/" + prefix + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing to s3://" + bucket, e);
        } finally {
            pending.clear();
        }
    }
}
