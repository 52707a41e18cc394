package dev.roletrail.ingest.s3;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the S3 client ingest uses, for AWS itself or an S3-compatible store. */
public final class S3Clients {

    /** Enough for every read-ahead worker and listing request at once. */
    private static final int MAX_CONNECTIONS = 128;

    private S3Clients() {
    }

    /** Credentials and region from the AWS default provider chains; no keys in RoleTrail's config. */
    public static S3Client create(S3Settings settings) {
        return create(settings, DefaultCredentialsProvider.builder().build());
    }

    public static S3Client create(S3Settings settings, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(MAX_CONNECTIONS)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // Throttling and 5xx answers are retried with jittered exponential backoff; the circuit breaker
                // is off because one failing object must not stop retries for the others.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts())
                        .circuitBreakerEnabled(false)
                        .backoffStrategy(BackoffStrategy.exponentialDelay(settings.retryBaseDelay(),
                                Duration.ofSeconds(20)))
                        .build()));
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        if (settings.endpoint() != null) {
            // S3-compatible stores reject the newer default checksums; AWS accepts either.
            builder.endpointOverride(settings.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    /**
     * @param endpoint       a custom endpoint (S3-compatible store), or null for AWS
     * @param region         the region, or null to take it from the AWS default region chain
     * @param pathStyle      path-style addressing, which most S3-compatible stores need
     * @param maxAttempts    attempts per request, the first included, before a failure is final
     * @param retryBaseDelay the first backoff delay; each retry doubles it (with jitter)
     */
    public record S3Settings(URI endpoint, String region, boolean pathStyle, int maxAttempts, Duration retryBaseDelay) {

        public S3Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }

        public S3Settings(URI endpoint, String region, boolean pathStyle) {
            this(endpoint, region, pathStyle, 5, Duration.ofMillis(200));
        }
    }
}
