package dev.roletrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.ingest.read.RecordFields;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords;
import dev.roletrail.schemas.cloudtrail.Principals;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

/**
 * The light check, on the fields read without a tree, agrees with the full parse of the schemas module on what is
 * usable, why not, and who acted.
 */
class RecordCheckTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private final RecordCheck check = new RecordCheck(CLOCK, Duration.ofDays(1));
    private final CloudTrailRecords full = new CloudTrailRecords(CLOCK, Duration.ofDays(1));

    static Stream<String> records() {
        Stream<String> samples = Stream.concat(
                CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_IAM).stream(),
                CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_CLOUDTRAIL).stream());
        Stream<String> broken = Stream.of("[1]", "{\"hello\":1}", "{\"eventID\":\"x\",\"userIdentity\":{}}",
                "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\"}",
                "{\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{}}",
                "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":\"u\"}",
                "{\"eventID\":\"x\",\"eventTime\":\"yesterday\",\"userIdentity\":{}}",
                "{\"eventID\":\"x\",\"eventTime\":\"1970-01-01T00:00:00Z\",\"userIdentity\":{}}",
                "{\"eventID\":\"x\",\"eventTime\":\"2999-01-01T00:00:00Z\",\"userIdentity\":{}}",
                withTime("\"2026-02-30T10:00:00Z\""), withTime("\"2026-11-20T24:00:00Z\""),
                withTime("\"2026-11-20T10:00:00.250Z\""), withTime("\"2026-11-20T10:00:00+01:00\""),
                withTime("\"2016-12-31T23:59:60Z\""), withTime("\"2026-11-2OT10:00:00Z\""),
                withTime("\"+2026-11-20T10:00:00Z\""), withTime("1763632800"), withTime("null"),
                withTime("\"2026-11-20 10:00:00\""), withTime("\"2026-11-20T10:00:00\""),
                withTime("\"2026-11-20 10:00:00+00:00\""), withTime("\"2026-11-20 10:00\""),
                "{\"eventID\":null,\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{}}",
                "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{\"type\":[1]}}",
                "{\"eventID\":\"x\",\"eventTime\":\"1970-01-01T00:00:00Z\",\"userIdentity\":{},"
                        + "\"eventTime\":\"2026-11-20T10:00:00Z\",\"recipientAccountId\":111122223333}",
                "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{},"
                        + "\"userIdentity\":null}",
                "{\"eventName\":\"x\",\"nested\":{\"eventID\":\"y\",\"eventTime\":\"2026-11-20T10:00:00Z\"}}",
                CloudTrailEvent.byRoleSession("arn:aws:iam::111122223333:role/Deploy", "ci").at(
                        Instant.parse("2026-11-20T10:00:00Z")).json());
        return Stream.concat(samples, broken);
    }

    /** A usable record but for its eventTime, given as JSON. */
    private static String withTime(String eventTime) {
        return "{\"eventID\":\"x\",\"eventTime\":" + eventTime + ",\"userIdentity\":{\"type\":\"Root\","
                + "\"accountId\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:root\"}}";
    }

    /** The fields of one JSON value, read as the ingest reader reads them. */
    private static RecordFields fields(String json) throws IOException {
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            return RecordFields.read(parser, false);
        }
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldDecideLikeTheFullParse(String json) throws Exception {
        JsonNode node = Json.mapper().readTree(json);

        RecordCheck.Outcome outcome = check.check(fields(json));
        CloudTrailRecords.Result result = full.check(node);

        if (outcome instanceof RecordCheck.Skipped) {
            assertThat(result).as("only ingest knows to skip it; the streams app never sees it")
                    .isInstanceOf(CloudTrailRecords.Rejected.class);
        } else if (result instanceof CloudTrailRecords.Parsed parsed) {
            assertThat(outcome).isInstanceOfSatisfying(RecordCheck.Usable.class, usable -> {
                assertThat(usable.principal()).isEqualTo(Principals.of(parsed.record()));
                assertThat(usable.time()).isEqualTo(parsed.record().eventTime());
            });
        } else {
            String reason = ((CloudTrailRecords.Rejected) result).reason();
            assertThat(outcome).isEqualTo(new RecordCheck.Rejected(reason));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"2026-11-20T10:00:00Z\"      | 2026-11-20T10:00:00Z     | EVENT_TIME",
        "\"2026-11-20T10:00:00.250Z\"  | 2026-11-20T10:00:00.250Z | EVENT_TIME",
        "\"2026-11-20T11:00:00+01:00\" | 2026-11-20T10:00:00Z     | EVENT_TIME",
        "\"2026-11-20 10:00:00\"       | 2026-11-20T10:00:00Z     | EVENT_TIME_REWRITTEN",
        "\"2026-11-20T10:00:00\"       | 2026-11-20T10:00:00Z     | EVENT_TIME_REWRITTEN",
        "\"2026-11-20 10:00:00+0000\"  | 2026-11-20T10:00:00Z     | EVENT_TIME_REWRITTEN",
    })
    void shouldSayWhetherEventTimeMustBeRewritten(String eventTime, Instant expected, TimeSource source)
            throws Exception {
        assertThat(check.check(fields(withTime(eventTime)))).isInstanceOfSatisfying(RecordCheck.Usable.class,
                usable -> assertThat(usable).extracting(RecordCheck.Usable::time, RecordCheck.Usable::timeSource)
                        .containsExactly(expected, source));
    }

    @Test
    void shouldFallBackToTimestampOnlyWithoutEventTime() throws Exception {
        String both = "{\"eventID\":\"x\",\"@timestamp\":\"2026-11-21T00:00:00.000Z\","
                + "\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{\"type\":\"Root\"}}";
        String onlyTimestamp = "{\"eventID\":\"x\",\"@timestamp\":\"2026-11-21T00:00:00.000Z\","
                + "\"eventTime\":null,\"userIdentity\":{\"type\":\"Root\"}}";

        assertThat(check.check(fields(both))).extracting(o -> ((RecordCheck.Usable) o).timeSource())
                .isEqualTo(TimeSource.EVENT_TIME);
        assertThat(check.check(fields(onlyTimestamp))).isInstanceOfSatisfying(RecordCheck.Usable.class, usable ->
                assertThat(usable).extracting(RecordCheck.Usable::time, RecordCheck.Usable::timeSource)
                        .containsExactly(Instant.parse("2026-11-21T00:00:00Z"), TimeSource.TIMESTAMP));
    }

    @Test
    void shouldRejectABrokenTimestampOrNoTimeAtAll() throws Exception {
        String broken = "{\"eventID\":\"x\",\"@timestamp\":\"last week\",\"userIdentity\":{}}";
        String none = "{\"eventID\":\"x\",\"userIdentity\":{}}";

        assertThat(check.check(fields(broken))).isEqualTo(
                new RecordCheck.Rejected("not a CloudTrail record: @timestamp has the wrong type or format"));
        assertThat(check.check(fields(none))).isEqualTo(new RecordCheck.Rejected("missing eventTime"));
    }

    @Test
    void shouldSkipInsightsAndPassDataEvents() throws Exception {
        List<String> insights = CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_CLOUDTRAIL).stream()
                .filter(json -> json.contains("\"eventCategory\":\"Insight\"")).toList();
        String dataEvent = withTime("\"2026-11-20T10:00:00Z\"").replace("{\"eventID\"",
                "{\"eventCategory\":\"Data\",\"managementEvent\":false,\"eventID\"");

        assertThat(insights).as("the AWS user guide's Insights examples").hasSize(2);
        for (String insight : insights) {
            assertThat(check.check(fields(insight))).isEqualTo(new RecordCheck.Skipped(SkipReason.INSIGHT));
        }
        assertThat(check.check(fields(dataEvent))).isInstanceOf(RecordCheck.Usable.class);
    }
}
