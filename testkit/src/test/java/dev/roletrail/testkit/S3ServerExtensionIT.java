package dev.roletrail.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(S3ServerExtension.class)
class S3ServerExtensionIT {

    private static final String VALID_BUCKET_NAME = "[a-z0-9][a-z0-9-]{1,61}[a-z0-9]";

    @Test
    void shouldStoreWhatTestsPut(TestS3 s3) {
        String bucket = s3.createBucket("trail");

        s3.putObject(bucket, "AWSLogs/111122223333/x.json.gz", "payload".getBytes(UTF_8));

        assertThat(s3.client().getObjectAsBytes(get -> get.bucket(bucket).key("AWSLogs/111122223333/x.json.gz"))
            .asString(UTF_8)).isEqualTo("payload");
    }

    @Test
    void shouldMakeAnyPrefixAValidUniqueBucketName(TestS3 s3) {
        String odd = s3.createBucket("-Org_Trail.Logs!");
        String long1 = s3.createBucket("x".repeat(100));
        String long2 = s3.createBucket("x".repeat(100));

        assertThat(odd).matches(VALID_BUCKET_NAME).startsWith("org-trail-logs-");
        assertThat(long1).matches(VALID_BUCKET_NAME).isNotEqualTo(long2);
    }

    @Test
    void shouldInjectTheSameServerEverywhere(TestS3 first, TestS3 second) {
        assertThat(first).isSameAs(second);
        assertThat(first.endpoint().getHost()).isEqualTo("127.0.0.1");
    }
}
