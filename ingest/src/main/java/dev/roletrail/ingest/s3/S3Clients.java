package dev.roletrail.ingest.s3;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the S3 client ingest uses, for AWS itself or an S3-compatible store. */
public final class S3Clients {

    private S3Clients() {
    }

    /** Credentials and region from the AWS default provider chains; no keys in RoleTrail's config. */
    public static S3Client create(S3Settings settings) {
        return create(settings, DefaultCredentialsProvider.builder().build());
    }

    public static S3Client create(S3Settings settings, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle());
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
     * @param endpoint  a custom endpoint (S3-compatible store), or null for AWS
     * @param region    the region, or null to take it from the AWS default region chain
     * @param pathStyle path-style addressing, which most S3-compatible stores need
     */
    public record S3Settings(URI endpoint, String region, boolean pathStyle) {
    }
}
