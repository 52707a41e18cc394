package dev.roletrail.local.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailFiles;
import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestS3;

/** {@code analyze s3://bucket/prefix}: the trail read through the S3 API of a real S3-compatible server. */
@ExtendWith(S3ServerExtension.class)
class AnalyzeS3IT {

    private static final String ACCOUNT = "111122223333";

    @BeforeEach
    void credentials(TestS3 s3) {
        // analyze takes credentials from the AWS default chain, as against real S3.
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());
    }

    @AfterEach
    void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void shouldAnalyseATrailBucketBelowItsPrefix(TestS3 s3, @TempDir Path dir) throws Exception {
        String bucket = s3.createBucket("trail");
        Instant at = Instant.parse("2026-11-18T09:00:00Z");
        List<String> records = List.of(
                CloudTrailEvent.byRoot(ACCOUNT).iam("CreateAccessKey").at(at).json(),
                CloudTrailEvent.byUser("arn:aws:iam::" + ACCOUNT + ":user/alice").at(at.plusSeconds(60)).json());
        s3.putObject(bucket, "org-trail/" + CloudTrailFiles.logObjectKey(null, ACCOUNT, "eu-west-1", at, "a1"),
                CloudTrailFiles.gzip(CloudTrailFiles.envelope(records)));
        s3.putObject(bucket, "elsewhere/" + CloudTrailFiles.logObjectKey(null, ACCOUNT, "eu-west-1", at, "b2"),
                CloudTrailFiles.gzip(CloudTrailFiles.envelope(records)));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AnalysisRequest request = new AnalysisRequest(AnalysisSources.parse(List.of("s3://" + bucket + "/org-trail")),
                List.of(), dir.resolve("state"), dir.resolve("reports"), Map.of("s3.endpoint",
                        s3.endpoint().toString(), "s3.region", "us-east-1", "s3.path-style", "true"),
                false, false, Duration.ofSeconds(30));

        int exit = new Analysis(request, new PrintStream(printed, true, StandardCharsets.UTF_8),
                InputStream.nullInputStream()).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("Ingested s3://" + bucket + "/org-trail/: 1 objects read", "2 records")
                .contains("ALERT", "root-activity")
                .contains("Records: 2 CloudTrail records of 1 accounts and 2 principals");
        assertThat(dir.resolve("reports").resolve("2026-W47").resolve("org.html")).isNotEmptyFile();
    }
}
