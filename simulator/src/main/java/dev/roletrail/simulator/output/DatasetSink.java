package dev.roletrail.simulator.output;

import java.io.IOException;

/** Where a simulated dataset goes: a directory or an S3 bucket, addressed by object key. */
public interface DatasetSink extends AutoCloseable {

    void put(String key, byte[] bytes) throws IOException;

    /** Waits until everything put is written. */
    @Override
    default void close() throws IOException {
    }
}
