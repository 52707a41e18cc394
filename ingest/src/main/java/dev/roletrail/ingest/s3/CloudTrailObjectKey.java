package dev.roletrail.ingest.s3;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a CloudTrail log object key:
 * {@code [prefix/]AWSLogs/[o-orgid/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<stamp>_<id>.json.gz}.
 * Digest files ({@code CloudTrail-Digest}), Insights and every other key do not parse.
 */
public record CloudTrailObjectKey(String key, String organizationId, String account, String region, LocalDate date) {

    private static final Pattern LOG_KEY = Pattern.compile(
            "^(?:.*/)?AWSLogs/(?:(o-[a-z0-9]{10,32})/)?(\\d{12})/CloudTrail/([a-z0-9-]+)/(\\d{4})/(\\d{2})/(\\d{2})/"
                    + "\\2_CloudTrail_\\3_[0-9TZ]+_[A-Za-z0-9]+\\.json\\.gz$");

    public static Optional<CloudTrailObjectKey> parse(String key) {
        Matcher m = LOG_KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)));
            return Optional.of(new CloudTrailObjectKey(key, m.group(1), m.group(2), m.group(3), date));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
