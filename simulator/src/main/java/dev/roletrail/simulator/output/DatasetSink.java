package dev.roletrail.simulator.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Where a simulated dataset goes: a directory or an S3 bucket, addressed by object key. */
public interface DatasetSink extends AutoCloseable {

    /** Content written as it is produced: an object too large to build in memory first. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    void put(String key, byte[] bytes) throws IOException;

    /** Writes an object as it is produced; sinks that can stream (a file) do, the others buffer it. */
    default void write(String key, Content content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        content.writeTo(bytes);
        put(key, bytes.toByteArray());
    }

    /** Waits until everything put is written. */
    @Override
    default void close() throws IOException {
    }
}
