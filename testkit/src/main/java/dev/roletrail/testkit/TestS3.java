package dev.roletrail.testkit;

import java.net.URI;
import java.util.Locale;

import dev.roletrail.embedded.EmbeddedS3Server;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3-compatible server shared by every test of this JVM (see {@link S3ServerExtension}), with a client configured
 * the way a local endpoint needs (path-style, static credentials, checksums only when required) and helpers to put
 * test inputs in place.
 */
public final class TestS3 {

    /** S3 bucket names are 3 to 63 characters. */
    private static final int MAX_BUCKET_NAME_LENGTH = 63;

    private final EmbeddedS3Server server;
    private S3Client client;

    TestS3(EmbeddedS3Server server) {
        this.server = server;
    }

    /** The endpoint to pass as {@code endpointOverride}, with region us-east-1 and path-style access. */
    public URI endpoint() {
        return server.endpoint();
    }

    public String accessKey() {
        return server.accessKey();
    }

    public String secretKey() {
        return server.secretKey();
    }

    /** A shared client for this server, closed with it; do not close it in a test. */
    public synchronized S3Client client() {
        if (client == null) {
            client = S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey())))
                // Local servers do not all implement the SDK's default flexible checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(Apache5HttpClient.create())
                .build();
        }
        return client;
    }

    /**
     * Creates a bucket no other test of this run uses and returns its name: {@code prefix} made S3-valid (lowercase
     * letters, digits and '-'; shortened to fit 63 characters) plus a unique suffix.
     */
    public String createBucket(String prefix) {
        String bucket = UniqueNames.next(bucketPrefix(prefix));
        client().createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    public void putObject(String bucket, String key, byte[] bytes) {
        client().putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    synchronized void close() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            server.close();
        }
    }

    private static String bucketPrefix(String prefix) {
        String valid = prefix.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9-]+", "-")
            .replaceAll("^-+|-+$", "");
        int maxLength = MAX_BUCKET_NAME_LENGTH - UniqueNames.MAX_SUFFIX_LENGTH;
        String shortened = valid.length() > maxLength ? valid.substring(0, maxLength).replaceAll("-+$", "") : valid;
        // A bucket name must start with a letter or digit and have at least three characters.
        return shortened.isEmpty() ? "bucket" : shortened;
    }
}
