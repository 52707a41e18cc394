package dev.roletrail.ingest;

/**
 * Where a record's event time came from, in order of precedence, and so whether ingest rewrites {@code eventTime}
 * before producing the record (so that what reaches {@code roletrail.cloudtrail} always has an ISO-8601 instant).
 */
enum TimeSource {
    /** {@code eventTime} as CloudTrail writes it, or another ISO-8601 instant: the record's bytes are left alone. */
    EVENT_TIME,
    /**
     * {@code eventTime} as exports write it ({@code 2022-09-27 17:09:18}, no zone): rewritten in place as an ISO-8601
     * instant in UTC ({@code 2022-09-27T17:09:18Z}).
     */
    EVENT_TIME_REWRITTEN,
    /** No {@code eventTime}, so Logstash's or Elastic's {@code @timestamp}: added as {@code eventTime}, counted. */
    TIMESTAMP;

    /** Whether the record's {@code eventTime} must be (re)written. */
    boolean rewrites() {
        return this != EVENT_TIME;
    }
}
