package dev.roletrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.ingest.RecordRouter.Accepted;
import dev.roletrail.ingest.RecordRouter.Quarantined;
import dev.roletrail.ingest.RecordRouter.Routed;
import dev.roletrail.ingest.read.ReadLimits;
import dev.roletrail.ingest.read.RecordFields;
import dev.roletrail.ingest.read.RecordReader;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.schemas.deadletter.DeadLetterCategory;
import dev.roletrail.testkit.CloudTrailSamples;

/**
 * Real records as exports wrap them ({@code exports/} test resources, provenance in the README there) are read,
 * checked and routed as ingest does, and come out as the plain record with the same eventID; Insights are skipped,
 * broken wrappers are dead letters in RoleTrail's words.
 */
class ExportFormatsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, JsonNode> ORIGINALS = originals();
    private final RecordRouter router = new RecordRouter(new RecordCheck(CLOCK, Duration.ofDays(1)), CLOCK);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "lake-get-query-results.json, 3",
        "lake-rows.jsonl,             2",
        "splunk-export.jsonl,         5",
        "event-envelope.jsonl,        2",
        "elastic-hits.jsonl,          3",
        "logstash-codec.jsonl,        2",
        "export-times.jsonl,          3",
    })
    void shouldProduceEachExportedRecordAsThePlainRecordWithItsEventId(String file, int records) {
        List<Routed> routed = route(file);

        assertThat(routed).hasSize(records).allSatisfy(r -> assertThat(r).isInstanceOf(Accepted.class));
        for (Routed r : routed) {
            JsonNode produced = tree(((Accepted) r).json());
            JsonNode original = ORIGINALS.get(produced.path("eventID").asText());
            assertThat(original).as("a record of the shared data, by its eventID").isNotNull();
            assertSameRecord(produced, original);
            assertThat(RecordFields.WRAPPERS).as("unwrapped").noneMatch(produced::has);
        }
    }

    @Test
    void shouldKeepTheBytesAwsWroteInsideLakeAndSplunkStrings() throws IOException {
        JsonNode rows = Json.mapper().readTree(resource("lake-get-query-results.json")).get("QueryResultRows");
        List<String> eventJson = new ArrayList<>();
        rows.forEach(row -> eventJson.add(row.get(0).get("eventJson").textValue()));

        assertThat(route("lake-get-query-results.json")).extracting(r -> utf8(((Accepted) r).json()))
                .containsExactlyElementsOf(eventJson);
    }

    @Test
    void shouldTimeRecordsWithoutEventTimeByTimestampAndSaySo() {
        List<Routed> logstash = route("logstash-codec.jsonl");
        List<Routed> elastic = route("elastic-hits.jsonl");

        assertThat(logstash).extracting(r -> ((Accepted) r).timeSource()).containsOnly(TimeSource.TIMESTAMP);
        assertThat(logstash).extracting(r -> tree(((Accepted) r).json()).get("eventTime").textValue())
                .as("@timestamp's instant as eventTime, in ISO form").containsExactly(
                        "2024-08-01T13:56:39Z", "2024-08-01T13:56:39Z");
        assertThat(elastic).extracting(r -> ((Accepted) r).timeSource()).as("eventTime comes first")
                .containsOnly(TimeSource.EVENT_TIME);
    }

    @Test
    void shouldRewriteOnlyTimesInFormsOnlyExportsWrite() {
        List<String> lines = resource("export-times.jsonl").lines().toList();

        List<Routed> routed = route("export-times.jsonl");

        assertThat(routed).extracting(r -> ((Accepted) r).timeSource()).containsExactly(
                TimeSource.EVENT_TIME_REWRITTEN, TimeSource.EVENT_TIME_REWRITTEN, TimeSource.EVENT_TIME);
        assertThat(tree(((Accepted) routed.get(0)).json()).get("eventTime").textValue())
                .as("was %s", tree(lines.get(0)).get("eventTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(utf8(((Accepted) routed.get(2)).json())).as("an ISO offset is left as written")
                .isEqualTo(lines.get(2));
    }

    @Test
    void shouldSkipInsightsEventsWithACountedReason() {
        assertThat(route("insights.jsonl")).hasSize(2)
                .allSatisfy(r -> assertThat(r).isEqualTo(new RecordRouter.Skipped(SkipReason.INSIGHT)));
    }

    @Test
    void shouldPassDataEventsAsWritten() {
        List<Routed> routed = route("data-events.jsonl");

        assertThat(routed).singleElement().isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(utf8(accepted.json())).isEqualTo(resource("data-events.jsonl").strip());
            assertThat(accepted.principal()).isEqualTo("arn:aws:iam::903144391865:user/christophe");
        });
    }

    @Test
    void shouldDeadLetterBrokenWrappersInRoleTrailsWords() {
        List<Routed> routed = route("broken-wrappers.jsonl");

        assertThat(routed).extracting(r -> ((Quarantined) r).letter()).extracting(DeadLetter::reason).containsExactly(
                "export field result._raw holds invalid JSON: the input ends inside a value at line 1, column 201",
                "export field eventJson holds no JSON object",
                "export row of CloudTrail Lake results has no eventJson column (query SELECT eventJson)");
        assertThat(routed).extracting(r -> DeadLetterCategory.of(((Quarantined) r).letter().reason()))
                .containsOnly(DeadLetterCategory.BROKEN_EXPORT);
        assertThat(((Quarantined) routed.get(0)).letter().payload()).as("the export's line, to find it by")
                .startsWith("{\"preview\": false");
    }

    /** Every field of the original as it was, eventTime as the same instant in ISO form. */
    private static void assertSameRecord(JsonNode produced, JsonNode original) {
        original.fieldNames().forEachRemaining(field -> {
            if (field.equals("eventTime")) {
                assertThat(Instant.parse(produced.get(field).textValue()))
                        .isEqualTo(Instant.parse(original.get(field).textValue()));
            } else {
                assertThat(produced.get(field)).as(field).isEqualTo(original.get(field));
            }
        });
    }

    private List<Routed> route(String file) {
        List<Routed> routed = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/exports/" + file);
             RecordReader reader = RecordReader.open(in, ReadLimits.DEFAULTS)) {
            reader.forEachRemaining(item -> routed.add(router.route(file, item)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routed;
    }

    private static Map<String, JsonNode> originals() {
        Map<String, JsonNode> byId = new HashMap<>();
        for (String file : CloudTrailSamples.stratusFileNames()) {
            tree(CloudTrailSamples.stratus(file)).forEach(record -> byId.put(record.get("eventID").asText(), record));
        }
        return byId;
    }

    private static String resource(String file) {
        try (InputStream in = ExportFormatsTest.class.getResourceAsStream("/exports/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] json) {
        return tree(utf8(json));
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
