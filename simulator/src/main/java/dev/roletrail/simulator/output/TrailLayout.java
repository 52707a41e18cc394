package dev.roletrail.simulator.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * CloudTrail's object keys for an organisation trail:
 * {@code AWSLogs/<org-id>/<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>/<account>_CloudTrail_<region>_<yyyyMMdd>T<HHmm>Z_<random>.json.gz},
 * the day and stamp being the delivery time.
 */
public final class TrailLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private TrailLayout() {
    }

    public static String key(String organizationId, String account, String region, Instant delivered, String suffix) {
        if (!suffix.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("the random part of a log object name is alphanumeric, was " + suffix);
        }
        return "AWSLogs/" + organizationId + "/" + account + "/CloudTrail/" + region + "/" + DAY.format(delivered) + "/"
                + account + "_CloudTrail_" + region + "_" + STAMP.format(delivered) + "_" + suffix + ".json.gz";
    }
}
