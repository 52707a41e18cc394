package dev.roletrail.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.roletrail.schemas.cloudtrail.EventTimeHeader;

class EventTimeExtractorTest {

    private final EventTimeExtractor extractor = new EventTimeExtractor();

    @Test
    void shouldReadEventTimeAfterNestedIdentity() {
        String json = "{\"userIdentity\":{\"eventTime\":\"1999-01-01T00:00:00Z\",\"x\":[1,{}]},"
                + "\"eventTime\":\"2026-11-20T10:00:00Z\"}";

        assertThat(extractor.extract(record(json, 5), 7)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z").toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T10:00:00Z", "2026-11-20T10:00:00.250Z", "2024-02-29T23:59:59Z"})
    void shouldReadTheCanonicalFormAndOthersAsTheIsoParserDoes(String time) {
        String json = "{\"eventTime\":\"" + time + "\"}";

        assertThat(extractor.extract(record(json, 5), 7)).isEqualTo(Instant.parse(time).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20 10:00:00", "2026-11-20T10:00:00", "2026-11-20 10:00:00+00:00"})
    void shouldReadTheFormsExportsWriteAsTheParseStepDoes(String time) {
        String json = "{\"eventTime\":\"" + time + "\"}";

        assertThat(extractor.extract(record(json, 5), 7)).isEqualTo(Instant.parse("2026-11-20T10:00:00Z").toEpochMilli());
    }

    @Test
    void shouldKeepStreamTimeForRecordsWithoutAReadableEventTime() {
        assertThat(extractor.extract(record("{\"eventTime\":\"soon\"}", 5), 7)).isEqualTo(7);
        assertThat(extractor.extract(record("not json", 5), 7)).isEqualTo(7);
        assertThat(extractor.extract(record("{\"eventTime\":\"2026-02-30T10:00:00Z\"}", 5), 7))
                .as("an impossible date").isEqualTo(7);
        assertThat(extractor.extract(record("{}", 5), -1)).as("no stream time yet").isEqualTo(5);
    }

    @Test
    void shouldTakeTheTimeIngestWroteInTheHeader() {
        String json = "{\"eventTime\":\"2026-11-20T10:00:00Z\"}";
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventTimeHeader.of(Instant.parse("2026-11-20T10:00:00.500Z")));

        assertThat(extractor.extract(record(json, 5, headers), 7))
                .as("the header's, though the JSON's differs: the header is not the JSON read again")
                .isEqualTo(Instant.parse("2026-11-20T10:00:00.500Z").toEpochMilli());
    }

    @Test
    void shouldReadTheJsonWhenTheHeaderIsNoEventTime() {
        String json = "{\"eventTime\":\"2026-11-20T10:00:00Z\"}";
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventTimeHeader.NAME, new byte[] {1, 2, 3});

        assertThat(extractor.extract(record(json, 5, headers), 7))
                .isEqualTo(Instant.parse("2026-11-20T10:00:00Z").toEpochMilli());
    }

    private static ConsumerRecord<Object, Object> record(String value, long timestamp) {
        return record(value, timestamp, new RecordHeaders());
    }

    private static ConsumerRecord<Object, Object> record(String value, long timestamp, RecordHeaders headers) {
        return new ConsumerRecord<>("t", 0, 0, timestamp, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0, 0, "k", value.getBytes(StandardCharsets.UTF_8), headers, java.util.Optional.empty());
    }
}
