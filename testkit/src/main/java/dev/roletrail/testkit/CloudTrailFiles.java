package dev.roletrail.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/** Builds log files and object keys the way CloudTrail delivers them to S3. */
public final class CloudTrailFiles {

    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE_STAMP =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private CloudTrailFiles() {
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not gzip in memory", e);
        }
        return compressed.toByteArray();
    }

    /** The UTF-8 JSON document of one log file, {@code {"Records":[r1,r2,...]}}; each record is a JSON object text. */
    public static byte[] envelope(List<String> recordJsons) {
        return ("{\"Records\":[" + String.join(",", recordJsons) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The S3 key CloudTrail gives a log file:
     * {@code AWSLogs/[o-orgid/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<suffix>.json.gz},
     * dates in UTC; the organization part only for an organization trail.
     *
     * @param orgIdOrNull the organization id such as {@code o-exampleorgid}, or null for a single-account trail
     */
    public static String logObjectKey(
        String orgIdOrNull, String account, String region, Instant stamp, String uniqueSuffix) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(uniqueSuffix, "uniqueSuffix");
        String organization = orgIdOrNull == null ? "" : orgIdOrNull + "/";
        return "AWSLogs/" + organization + account + "/CloudTrail/" + region + "/" + DAY_PATH.format(stamp) + "/"
            + account + "_CloudTrail_" + region + "_" + FILE_STAMP.format(stamp) + "_" + uniqueSuffix + ".json.gz";
    }
}
