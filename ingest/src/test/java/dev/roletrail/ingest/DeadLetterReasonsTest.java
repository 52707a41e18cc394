package dev.roletrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadLetterReasonsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unreadable source: cannot read s3://b/k: HTTP 403 AccessDenied | unreadable",
        "decompressed size exceeds the limit of 10 bytes (possible decompression bomb) | decompression-bomb",
        "corrupt or truncated gzip: Not in GZIP format | gzip",
        "invalid JSON: Invalid UTF-8 start byte 0xff | utf8",
        "not valid UTF-8 | utf8",
        "record nesting depth exceeds the limit of 64 | too-deep",
        "record exceeds the limit of 1048576 bytes | too-large",
        "absurd eventTime 2999-01-01T00:00:00Z: in the future | absurd-time",
        "missing userIdentity | missing-field",
        "not a CloudTrail record: no eventID, eventTime or eventName | not-cloudtrail",
        "invalid JSON: Unexpected character | invalid-json",
        "something new | other",
    })
    void shouldSortReasonsIntoStableCategories(String reason, String category) {
        assertThat(DeadLetterReasons.category(reason)).isEqualTo(category);
    }
}
