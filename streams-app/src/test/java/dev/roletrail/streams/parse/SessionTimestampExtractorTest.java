package dev.roletrail.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.Session;

/** roletrail.sessions is stamped on append: a session's time is when it was issued, not when it was appended. */
class SessionTimestampExtractorTest {

    private static final long APPENDED = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();
    private static final Instant ISSUED = Instant.parse("2026-10-01T09:00:00Z");

    private final SessionTimestampExtractor extractor = new SessionTimestampExtractor();

    @Test
    void shouldTakeASessionsTimeFromWhenItWasIssued() {
        Session session = new Session("ASIAEXAMPLE000000001", "arn:aws:iam::111122223333:role/Jump",
                "arn:aws:iam::111122223333:user/alice", List.of(), null, "AssumeRole", "alice", ISSUED,
                ISSUED.plusSeconds(3600), null, "event");

        assertThat(extractor.extract(record("arn:aws:iam::111122223333:role/Jump", session, new RecordHeaders()), -1))
                .isEqualTo(ISSUED.toEpochMilli());
    }

    @Test
    void shouldKeepThePartitionsTimeForARecordThatIsNotASession() {
        assertThat(extractor.extract(record("x", null, new RecordHeaders()), 42L)).isEqualTo(42L);
        assertThat(extractor.extract(record("x", null, new RecordHeaders()), -1)).isEqualTo(APPENDED);
    }

    private static ConsumerRecord<Object, Object> record(String key, Session value, Headers headers) {
        return new ConsumerRecord<>("roletrail.sessions", 0, 0L, APPENDED, TimestampType.LOG_APPEND_TIME, 0, 0, key,
                value, headers, Optional.empty());
    }
}
