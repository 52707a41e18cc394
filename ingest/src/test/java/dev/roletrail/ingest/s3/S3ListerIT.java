package dev.roletrail.ingest.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestS3;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Paging through a real S3 API: more keys than one ListObjectsV2 page holds, with a prefix and start-after. */
@ExtendWith(S3ServerExtension.class)
class S3ListerIT {

    @Test
    void shouldListEveryKeyAfterStartAfterAcrossPages(TestS3 s3) {
        String bucket = s3.createBucket("paging");
        List<String> keys = IntStream.range(0, 1_050).mapToObj(i -> String.format("trail/AWSLogs/k%05d", i)).toList();
        keys.forEach(key -> s3.putObject(bucket, key, new byte[] {'{', '}'}));
        s3.putObject(bucket, "other/AWSLogs/k00000", new byte[] {'{', '}'});

        List<S3Object> listed = new S3Lister(s3.client()).list(bucket, "trail/AWSLogs/", keys.get(19));

        assertThat(listed).extracting(S3Object::key).as("keys 20..1049 in order, none from another prefix")
                .containsExactlyElementsOf(keys.subList(20, keys.size()));
    }
}
