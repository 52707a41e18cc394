package dev.roletrail.schemas.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords.Parsed;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords.Rejected;

class CloudTrailRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final CloudTrailRecords records =
            new CloudTrailRecords(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1));

    private static final String ASSUME_ROLE = """
            {"eventVersion":"1.08","eventID":"e-1","eventTime":"2026-11-20T10:00:00Z",
             "eventSource":"sts.amazonaws.com","eventName":"AssumeRole","awsRegion":"eu-west-1",
             "sourceIPAddress":"203.0.113.7","userAgent":"aws-cli/2.15.0","recipientAccountId":"111122223333",
             "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333",
                             "accessKeyId":"AKIAEXAMPLE"},
             "requestParameters":{"roleArn":"arn:aws:iam::111122223333:role/Admin","roleSessionName":"alice"},
             "responseElements":{"credentials":{"accessKeyId":"ASIANEW"}},
             "someFieldFromTheFuture":{"nested":[1,2,3]}}
            """;

    @Test
    void shouldBindAValidRecordIgnoringUnknownFields() {
        var result = records.parse(bytes(ASSUME_ROLE));

        assertThat(result).isInstanceOf(Parsed.class);
        CloudTrailRecord record = ((Parsed) result).record();
        assertThat(record.eventId()).isEqualTo("e-1");
        assertThat(record.eventTime()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(record.requestParameter("roleArn")).isEqualTo("arn:aws:iam::111122223333:role/Admin");
        assertThat(record.responseElement("/credentials/accessKeyId")).isEqualTo("ASIANEW");
        assertThat(record.failed()).isFalse();
        assertThat(Principals.of(record).id()).isEqualTo("arn:aws:iam::111122223333:user/alice");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{}}",
        "{\"eventID\":42,\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{\"type\":\"Root\"},\"readOnly\":true}",
        "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{},\"eventID\":\"y\"}",
        "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{},\"requestParameters\":null}",
    })
    void shouldBindWithoutATreeWhatTheTreeBinds(String json) throws Exception {
        var direct = records.parse(bytes(json));
        var throughTree = records.check(Json.mapper().readTree(json));

        assertThat(direct).isInstanceOf(Parsed.class).isEqualTo(throughTree);
    }

    @Test
    void shouldBindTheFullRecordWithoutATreeAsThroughOne() throws Exception {
        assertThat(records.parse(bytes(ASSUME_ROLE)))
                .isEqualTo(records.check(Json.mapper().readTree(ASSUME_ROLE)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-20 10:00:00       | 2026-11-20T10:00:00Z",
        "2026-11-20T10:00:00       | 2026-11-20T10:00:00Z",
        "2026-11-20 11:00:00+01:00 | 2026-11-20T10:00:00Z",
        "2026-11-20T10:00:00.250Z  | 2026-11-20T10:00:00.250Z",
    })
    void shouldBindEventTimesAsExportsWriteThem(String eventTime, String expected) {
        String json = "{\"eventID\":\"x\",\"eventTime\":\"" + eventTime + "\",\"userIdentity\":{}}";

        assertThat(records.parse(bytes(json))).isInstanceOfSatisfying(Parsed.class,
                parsed -> assertThat(parsed.record().eventTime()).isEqualTo(Instant.parse(expected)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{not json                                                                        | invalid JSON",
        "[1,2,3]                                                                          | not a JSON object",
        "{\"hello\":\"world\"}                                                            | not a CloudTrail record",
        "{\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{}}                     | missing eventID",
        "{\"eventID\":\"x\",\"userIdentity\":{}}                                          | missing eventTime",
        "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\"}                       | missing userIdentity",
        "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":\"u\"} | userIdentity is not an object",
        "{\"eventID\":\"x\",\"eventTime\":\"yesterday\",\"userIdentity\":{}}              | not a CloudTrail record",
        "{\"eventID\":null,\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{}}      | missing eventID",
        "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":[]}   | userIdentity is not an object",
        "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{},\"userIdentity\":\"u\"} | userIdentity is not an object",
        "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{},\"eventID\":null} | missing eventID",
        "{\"eventID\":\"x\",\"eventTime\":\"1970-01-01T00:00:00Z\",\"userIdentity\":{}}   | absurd eventTime",
        "{\"eventID\":\"x\",\"eventTime\":\"2999-01-01T00:00:00Z\",\"userIdentity\":{}}   | absurd eventTime",
    })
    void shouldRejectWithAReason(String json, String reasonStart) {
        var result = records.parse(bytes(json));

        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith(reasonStart));
    }

    @Test
    void shouldRejectNestingDeeperThanTheLimit() {
        String deep = "{\"eventID\":\"x\",\"a\":" + "[".repeat(500) + "]".repeat(500) + "}";

        assertThat(records.parse(bytes(deep))).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("nesting depth"));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
