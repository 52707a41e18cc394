package dev.roletrail.ingest.s3;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import dev.roletrail.ingest.source.ObjectSource;
import dev.roletrail.ingest.source.SourceObject;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * CloudTrail log objects in a bucket, as CloudTrail lays them out under {@code <prefix>AWSLogs/}; digest files and
 * every other key are skipped. Objects come in key order, which within an account, region and day is time order.
 */
public final class S3ObjectSource implements ObjectSource {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String startAfter;

    /**
     * @param prefix     the trail's S3 key prefix, empty when the trail has none ({@code AWSLogs/} follows it)
     * @param startAfter skip keys up to and including this one, or null
     */
    public S3ObjectSource(S3Client s3, String bucket, String prefix, String startAfter) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = prefix == null ? "" : prefix;
        this.startAfter = startAfter;
    }

    @Override
    public List<SourceObject> list() throws IOException {
        try {
            return new S3Lister(s3).list(bucket, prefix + "AWSLogs/", startAfter).stream()
                    .filter(object -> CloudTrailObjectKey.parse(object.key()).isPresent())
                    .map(object -> new SourceObject("s3://" + bucket + "/" + object.key(), object.size(),
                            () -> open(object.key())))
                    .toList();
        } catch (SdkException e) {
            throw new IOException("cannot list s3://" + bucket + "/" + prefix + "AWSLogs/: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private java.io.InputStream open(String key) throws IOException {
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
        } catch (SdkException e) {
            throw new IOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }
}
