package dev.roletrail.simulator.output;

import java.util.Objects;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts each object into {@code s3://bucket/<prefix><key>}; the caller builds (and closes) the client. */
public final class S3Sink implements DatasetSink {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3Sink(S3Client s3, String bucket, String prefix) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = prefix == null || prefix.isEmpty() || prefix.endsWith("/") ? Objects.toString(prefix, "")
                : prefix + "/";
    }

    @Override
    public void put(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(prefix + key), RequestBody.fromBytes(bytes));
    }
}
