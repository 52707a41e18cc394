package dev.roletrail.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class EmbeddedS3ServerIT {

    @Test
    void shouldStoreAndReturnAnObjectInMemory() {
        try (EmbeddedS3Server server = EmbeddedS3Server.start();
             S3Client s3 = client(server, server.secretKey())) {
            s3.createBucket(b -> b.bucket("trail"));
            s3.putObject(p -> p.bucket("trail").key("AWSLogs/1/x.json"), RequestBody.fromString("{\"Records\":[]}"));

            String body = s3.getObjectAsBytes(g -> g.bucket("trail").key("AWSLogs/1/x.json")).asString(UTF_8);

            assertThat(body).isEqualTo("{\"Records\":[]}");
        }
    }

    @Test
    void shouldKeepObjectsInAGivenDirectoryAcrossServers(@TempDir Path dir) {
        try (EmbeddedS3Server first = EmbeddedS3Server.start(dir);
             S3Client s3 = client(first, first.secretKey())) {
            s3.createBucket(b -> b.bucket("kept"));
            s3.putObject(p -> p.bucket("kept").key("a/b.txt"), RequestBody.fromString("hello"));
        }

        try (EmbeddedS3Server second = EmbeddedS3Server.start(dir);
             S3Client s3 = client(second, second.secretKey())) {
            assertThat(s3.getObjectAsBytes(g -> g.bucket("kept").key("a/b.txt")).asString(UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void shouldRefuseRequestsSignedWithAnotherSecret() {
        try (EmbeddedS3Server server = EmbeddedS3Server.start();
             S3Client s3 = client(server, "not-the-secret")) {
            assertThatThrownBy(s3::listBuckets)
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    private static S3Client client(EmbeddedS3Server server, String secretKey) {
        return S3Client.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(server.accessKey(), secretKey)))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    }
}
