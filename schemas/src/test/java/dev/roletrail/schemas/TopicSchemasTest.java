package dev.roletrail.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.ingest.IngestProgress;

/** Every payload a topic carries validates against the JSON Schema published for that topic under json-schema/. */
class TopicSchemasTest {

    private final Topics topics = Topics.defaults();

    @Test
    void alertsShouldMatchTheirSchema() {
        byte[] json = topics.alerts().valueSerde().serializer().serialize("t", JsonSerdeTest.sampleAlert());

        assertThat(errors("alert", json)).isEmpty();
    }

    @Test
    void deadLettersShouldMatchTheirSchema() {
        DeadLetter letter = new DeadLetter("s3://trail/AWSLogs/1/x.json.gz", 3, "ingest", "invalid JSON",
                "x".repeat(10_000), Instant.parse("2026-11-25T00:00:00Z"));

        byte[] json = topics.deadletter().valueSerde().serializer().serialize("t", letter);

        assertThat(errors("deadletter", json)).isEmpty();
    }

    @Test
    void ingestProgressShouldMatchItsSchema() {
        byte[] json = topics.ingestProgress().valueSerde().serializer()
                .serialize("t", new IngestProgress("s3://b/k", 10, true));

        assertThat(errors("ingest-progress", json)).isEmpty();
    }

    @Test
    void findingsShouldMatchTheirSchema() {
        Finding finding = new Finding("0123456789abcdef0123456789abcdef", FindingKind.UNUSED_PERMISSIONS,
                FindingStatus.OPEN, Severity.LOW, "Role grants 12 actions it never used", "111122223333",
                "arn:aws:iam::111122223333:role/deploy", "role", null, Instant.parse("2026-08-27T00:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z"), null, List.of("12 of 15 observable actions unused"),
                "Remove the unused actions", new ActionUsage(List.of("s3:GetObject"), List.of("iam:PassRole"),
                        List.of("s3:PutObject")), null);

        byte[] json = topics.findings().valueSerde().serializer().serialize("t", finding);

        assertThat(errors("finding", json)).isEmpty();
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"kind\":\"unused-permissions\"");
        assertThat(topics.findings().valueSerde().deserializer().deserialize("t", json)).isEqualTo(finding);
    }

    @Test
    void cloudTrailRecordsShouldMatchTheirSchema() {
        String record = """
                {"eventID":"e-1","eventTime":"2026-11-20T10:00:00Z","eventName":"AssumeRole",
                 "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/a"},"requestParameters":null}""";

        assertThat(errors("cloudtrail-record", record.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void shouldRejectPayloadsThatBreakTheSchema() {
        String alertWithoutEvidence = new String(topics.alerts().valueSerde().serializer()
                .serialize("t", JsonSerdeTest.sampleAlert()), StandardCharsets.UTF_8)
                .replace("\"eventIds\":[\"e-1\"]", "\"eventIds\":[]");
        String recordWithoutTime = "{\"eventID\":\"e\",\"userIdentity\":{}}";

        assertThat(errors("alert", alertWithoutEvidence.getBytes(StandardCharsets.UTF_8)))
                .as("an alert must carry evidence").isNotEmpty();
        assertThat(errors("cloudtrail-record", recordWithoutTime.getBytes(StandardCharsets.UTF_8)))
                .as("a CloudTrail record needs its eventTime").isNotEmpty();
    }

    private static List<Error> errors(String schemaName, byte[] json) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/json-schema/" + schemaName + ".schema.json"), InputFormat.JSON);
        return schema.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    private static String resource(String path) {
        try (InputStream in = TopicSchemasTest.class.getResourceAsStream(path)) {
            assertThat(in).as("schema file %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
