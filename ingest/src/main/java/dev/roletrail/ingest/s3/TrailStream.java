package dev.roletrail.ingest.s3;

import java.util.Objects;

/**
 * One account's log of one region in a trail bucket: {@code <prefix>AWSLogs/[o-orgid/]<account>/CloudTrail/<region>/}.
 * Its keys sort by delivery time, so it is listed with start-after and rolls over from day to day by itself.
 */
public record TrailStream(String prefix, String account, String region) {

    public TrailStream {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }
}
