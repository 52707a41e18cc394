package dev.roletrail.ingest.s3;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a CloudTrail log object key:
 * {@code [prefix/]AWSLogs/[o-orgid/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<stamp>_<id>.json.gz}.
 * Digest files ({@code CloudTrail-Digest}), Insights and every other key do not parse.
 *
 * @param streamPrefix the key up to and including {@code <region>/}: one account's log of one region, in which keys
 *                     sort by delivery time
 * @param stamp        the delivery minute CloudTrail wrote into the file name
 */
public record CloudTrailObjectKey(String key, String organizationId, String account, String region, LocalDate date,
        String streamPrefix, Instant stamp) {

    private static final Pattern LOG_KEY = Pattern.compile(
            "^((?:.*/)?AWSLogs/(?:(o-[a-z0-9]{10,32})/)?(\\d{12})/CloudTrail/([a-z0-9-]+)/)(\\d{4})/(\\d{2})/(\\d{2})/"
                    + "\\3_CloudTrail_\\4_(\\d{8}T\\d{4}Z)_[A-Za-z0-9]+\\.json\\.gz$");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    public static Optional<CloudTrailObjectKey> parse(String key) {
        Matcher m = LOG_KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    Integer.parseInt(m.group(7)));
            Instant stamp = LocalDateTime.parse(m.group(8), STAMP)
                    .toInstant(ZoneOffset.UTC);
            return Optional.of(new CloudTrailObjectKey(key, m.group(2), m.group(3), m.group(4), date, m.group(1),
                    stamp));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The key every log object of this stream delivered at or after {@code time} sorts after, for S3's start-after:
     * {@code <stream>YYYY/MM/DD/<account>_CloudTrail_<region>_<stamp>}.
     */
    public static String cursor(String streamPrefix, String account, String region, Instant time) {
        return streamPrefix + DAY_PATH.format(time) + "/" + account + "_CloudTrail_" + region + "_" + STAMP.format(time);
    }

    /** {@link #cursor} of this key's stream. */
    public String cursorAt(Instant time) {
        return cursor(streamPrefix, account, region, time);
    }
}
