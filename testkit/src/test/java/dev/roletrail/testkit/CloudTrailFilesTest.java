package dev.roletrail.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CloudTrailFilesTest {

    private static final Instant STAMP = Instant.parse("2015-08-01T02:10:47Z");

    @Test
    void shouldBuildTheKeyOfASingleAccountTrail() {
        assertThat(CloudTrailFiles.logObjectKey(null, "111122223333", "us-east-2", STAMP, "Mu0KsOhtH1ar15ZZ"))
            .isEqualTo("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/"
                + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz");
    }

    @Test
    void shouldPutTheOrganizationFirstForAnOrganizationTrail() {
        assertThat(CloudTrailFiles.logObjectKey("o-exampleorgid", "111122223333", "eu-west-1", STAMP, "abc"))
            .isEqualTo("AWSLogs/o-exampleorgid/111122223333/CloudTrail/eu-west-1/2015/08/01/"
                + "111122223333_CloudTrail_eu-west-1_20150801T0210Z_abc.json.gz");
    }

    @Test
    void shouldDateKeysInUtc() {
        assertThat(CloudTrailFiles.logObjectKey(null, "1", "us-east-1", Instant.parse("2024-12-31T23:59:59Z"), "s"))
            .isEqualTo("AWSLogs/1/CloudTrail/us-east-1/2024/12/31/1_CloudTrail_us-east-1_20241231T2359Z_s.json.gz");
    }

    @Test
    void shouldGzipSoThatGunzipGivesTheBytesBack() throws IOException {
        byte[] original = "{\"Records\":[]}".repeat(100).getBytes(UTF_8);

        byte[] compressed = CloudTrailFiles.gzip(original);

        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(gunzip.readAllBytes()).isEqualTo(original);
        }
        assertThat(compressed.length).isLessThan(original.length);
    }

    @Test
    void shouldWrapRecordsInTheRecordsEnvelope() throws IOException {
        byte[] envelope = CloudTrailFiles.envelope(List.of("{\"eventName\":\"AssumeRole\"}", "{\"eventName\":\"GetObject\"}"));

        JsonNode parsed = new ObjectMapper().readTree(envelope);
        assertThat(parsed.get("Records").findValuesAsText("eventName")).containsExactly("AssumeRole", "GetObject");
        assertThat(new String(CloudTrailFiles.envelope(List.of()), UTF_8)).isEqualTo("{\"Records\":[]}");
    }
}
