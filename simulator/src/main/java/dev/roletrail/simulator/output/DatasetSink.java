package dev.roletrail.simulator.output;

import java.io.IOException;

/** Where a simulated dataset goes: a directory or an S3 bucket, addressed by object key. */
public interface DatasetSink {

    void put(String key, byte[] bytes) throws IOException;
}
