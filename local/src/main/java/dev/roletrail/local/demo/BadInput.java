package dev.roletrail.local.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import dev.roletrail.simulator.output.TrailLayout;

/**
 * Two pieces of bad input the demo adds to the simulated trail, to show that they end on the dead-letter topic and
 * the pipeline goes on: an object that is not gzip, and a record without its eventTime.
 */
final class BadInput {

    private BadInput() {
    }

    /** The objects by key, in the trail of {@code account}, delivered at {@code at}. */
    static Map<String, byte[]> objects(String organizationId, String account, String region, Instant at)
            throws IOException {
        String noTime = "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\",\"arn\":"
                + "\"arn:aws:iam::" + account + ":root\",\"accountId\":\"" + account + "\"},\"eventSource\":"
                + "\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\",\"eventID\":\"00000000-0000-0000-0000-000000000bad\"}]}";
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(noTime.getBytes(StandardCharsets.UTF_8));
        }
        return Map.of(
                TrailLayout.key(organizationId, account, region, at, "corrupt"),
                "this is not gzip".getBytes(StandardCharsets.UTF_8),
                TrailLayout.key(organizationId, account, region, at, "missingtime"), gzipped.toByteArray());
    }
}
