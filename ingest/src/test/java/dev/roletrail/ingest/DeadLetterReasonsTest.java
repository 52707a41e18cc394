package dev.roletrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadLetterReasonsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unreadable source: cannot read s3://b/k: HTTP 403 AccessDenied | unreadable",
        "unreadable source: no such file | unreadable",
        "decompressed size exceeds the limit of 10 bytes (possible decompression bomb) | decompression-bomb",
        "corrupt or truncated gzip: the compressed data is corrupt | gzip",
        "corrupt or truncated gzip: the compressed data ends early | gzip",
        "not valid UTF-8 at line 1, column 16 | utf8",
        "not valid UTF-8 | utf8",
        "record nesting depth exceeds the limit of 64 | too-deep",
        "record exceeds the limit of 1048576 bytes | too-large",
        "absurd eventTime 2999-01-01T00:00:00Z: in the future | absurd-time",
        "missing userIdentity | missing-field",
        "not a CloudTrail record: no eventID, eventTime or eventName | not-cloudtrail",
        "invalid JSON: unexpected character at line 1, column 14 | invalid-json",
        "record nesting depth exceeds the parser's limit | too-deep",
        "input ended inside a record (truncated?); records from index 2 on could not be read | invalid-json",
        "not JSON: input starts with 'P' | not-cloudtrail",
        "something new | other",
    })
    void shouldSortReasonsIntoStableCategories(String reason, String category) {
        assertThat(DeadLetterReasons.category(reason)).isEqualTo(category);
    }
}
