package dev.roletrail.ingest.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CloudTrailObjectKeyTest {

    @Test
    void shouldParseAnOrganisationTrailKey() {
        String key = "trail/AWSLogs/o-exampleorgid/111122223333/CloudTrail/eu-west-1/2026/11/24/"
                + "111122223333_CloudTrail_eu-west-1_20261124T1005Z_AbCdEf0123456789.json.gz";

        assertThat(CloudTrailObjectKey.parse(key)).contains(new CloudTrailObjectKey(key, "o-exampleorgid",
                "111122223333", "eu-west-1", LocalDate.of(2026, 11, 24),
                "trail/AWSLogs/o-exampleorgid/111122223333/CloudTrail/eu-west-1/", Instant.parse("2026-11-24T10:05:00Z")));
    }

    @Test
    void shouldBuildACursorThatSortsBeforeEveryLaterKeyOfTheStream() {
        CloudTrailObjectKey key = CloudTrailObjectKey.parse("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/24/"
                + "111122223333_CloudTrail_eu-west-1_20261124T1005Z_AbCdEf0123456789.json.gz").orElseThrow();

        String cursor = key.cursorAt(Instant.parse("2026-11-24T10:05:00Z"));

        assertThat(cursor).isEqualTo(
                "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/24/111122223333_CloudTrail_eu-west-1_20261124T1005Z");
        assertThat(key.key()).isGreaterThan(cursor);
        assertThat(key.cursorAt(Instant.parse("2026-11-24T10:06:00Z"))).isGreaterThan(key.key());
        assertThat(key.cursorAt(Instant.parse("2026-11-23T23:59:00Z"))).as("rolls back over midnight")
                .startsWith("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/23/").isLessThan(key.key());
    }

    @Test
    void shouldParseASingleAccountTrailKey() {
        String key = "AWSLogs/111122223333/CloudTrail/us-gov-west-1/2026/01/02/"
                + "111122223333_CloudTrail_us-gov-west-1_20260102T0000Z_x1.json.gz";

        assertThat(CloudTrailObjectKey.parse(key)).hasValueSatisfying(k -> {
            assertThat(k.organizationId()).isNull();
            assertThat(k.region()).isEqualTo("us-gov-west-1");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/11/24/111122223333_CloudTrail-Digest_eu-west-1_t_20261124T1005Z.json.gz",
        "AWSLogs/111122223333/CloudTrail-Insight/eu-west-1/2026/11/24/111122223333_CloudTrail-Insight_eu-west-1_20261124T1005Z_x.json.gz",
        "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/24/999999999999_CloudTrail_eu-west-1_20261124T1005Z_x.json.gz",
        "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/13/24/111122223333_CloudTrail_eu-west-1_20261124T1005Z_x.json.gz",
        "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/24/111122223333_CloudTrail_eu-west-1_20261124T1005Z_x.json",
        "AWSLogs/",
    })
    void shouldSkipKeysThatAreNotLogObjects(String key) {
        assertThat(CloudTrailObjectKey.parse(key)).isEmpty();
    }
}
