package dev.roletrail.ingest.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.roletrail.ingest.progress.Checkpoints;
import dev.roletrail.ingest.source.SourceObject;
import dev.roletrail.schemas.ingest.IngestProgress;
import dev.roletrail.testkit.CloudTrailFiles;
import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestS3;

/** Listing a real bucket laid out as CloudTrail writes it: streams, filters, checkpoints and day roll-over. */
@ExtendWith(S3ServerExtension.class)
class S3ObjectSourceIT {

    private static final String ORG = "o-exampleorgid";
    private static final String PROD = "111122223333";
    private static final String DEV = "444455556666";
    private static final Instant DAY1 = Instant.parse("2026-11-20T23:40:00Z");

    @Test
    void shouldMergeEveryAccountAndRegionInDeliveryOrderAndSkipOtherKeys(TestS3 s3) throws IOException {
        String bucket = s3.createBucket("layout");
        String a = put(s3, bucket, ORG, PROD, "eu-west-1", DAY1, "a");
        String b = put(s3, bucket, ORG, DEV, "us-east-1", DAY1.plusSeconds(60), "b");
        String c = put(s3, bucket, null, PROD, "eu-west-1", DAY1.plusSeconds(120), "c");
        String d = put(s3, bucket, ORG, PROD, "eu-west-1", DAY1.plus(Duration.ofHours(1)), "d");
        s3.putObject(bucket, "AWSLogs/" + PROD + "/CloudTrail-Digest/eu-west-1/2026/11/20/x.json.gz", new byte[] {1});
        s3.putObject(bucket, "AWSLogs/" + ORG + "/" + PROD + "/CloudTrail/eu-west-1/2026/11/20/readme.txt", new byte[] {1});

        List<String> keys = keys(new S3ObjectSource(s3.client(), bucket, "", null), Checkpoints.empty(Duration.ZERO));

        assertThat(keys).containsExactly(a, b, c, d);
    }

    @Test
    void shouldFilterByAccountRegionAndDateRange(TestS3 s3) throws IOException {
        String bucket = s3.createBucket("filters");
        put(s3, bucket, ORG, PROD, "eu-west-1", DAY1, "day1");
        String kept = put(s3, bucket, ORG, PROD, "eu-west-1", DAY1.plus(Duration.ofDays(1)), "day2");
        put(s3, bucket, ORG, PROD, "eu-west-1", DAY1.plus(Duration.ofDays(2)), "day3");
        put(s3, bucket, ORG, PROD, "us-east-1", DAY1.plus(Duration.ofDays(1)), "region");
        put(s3, bucket, ORG, DEV, "eu-west-1", DAY1.plus(Duration.ofDays(1)), "account");
        TrailSelection selection = new TrailSelection(bucket, "", null, Set.of(PROD), Set.of("eu-west-1"),
                LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 21));

        List<String> keys = keys(new S3ObjectSource(s3.client(), selection, 2, 1000), Checkpoints.empty(Duration.ZERO));

        assertThat(keys).containsExactly(kept);
    }

    @Test
    void shouldFollowFromTheCheckpointAcrossMidnightAndPickUpLateDeliveries(TestS3 s3) throws IOException {
        String bucket = s3.createBucket("follow");
        String first = put(s3, bucket, null, PROD, "eu-west-1", DAY1, "zzzz");
        Checkpoints checkpoints = Checkpoints.empty(Duration.ofMinutes(10));
        checkpoints.record(new IngestProgress("s3://" + bucket + "/" + first, 5, true));
        String lateSameMinute = put(s3, bucket, null, PROD, "eu-west-1", DAY1, "aaaa");
        String nextDay = put(s3, bucket, null, PROD, "eu-west-1", DAY1.plus(Duration.ofMinutes(30)), "next");
        S3ObjectSource source = new S3ObjectSource(s3.client(), bucket, "", null);

        List<String> listed = keys(source, checkpoints);

        assertThat(nextDay).contains("/2026/11/21/");
        assertThat(listed).as("the window re-lists the done object, which the ingester skips")
                .containsExactly(lateSameMinute, first, nextDay);
    }

    private static List<String> keys(S3ObjectSource source, Checkpoints checkpoints) throws IOException {
        List<String> keys = new ArrayList<>();
        source.list(checkpoints).forEachRemaining((SourceObject o) -> keys.add(o.id().replaceFirst("^s3://[^/]+/", "")));
        return keys;
    }

    private static String put(TestS3 s3, String bucket, String org, String account, String region, Instant stamp,
            String suffix) {
        String key = CloudTrailFiles.logObjectKey(org, account, region, stamp, suffix);
        s3.putObject(bucket, key, CloudTrailFiles.gzip(CloudTrailFiles.envelope(List.of())));
        return key;
    }
}
