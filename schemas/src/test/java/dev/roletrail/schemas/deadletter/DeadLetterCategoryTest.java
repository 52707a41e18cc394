package dev.roletrail.schemas.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadLetterCategoryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "corrupt or truncated gzip: the compressed data ends early | TRUNCATED_GZIP | truncated gzip",
        "corrupt or truncated gzip: the compressed data is corrupt | CORRUPT_GZIP   | corrupt gzip",
        "not a CloudTrail record: no eventID, eventTime or eventName | NOT_CLOUDTRAIL | not CloudTrail JSON",
        "missing eventTime                                          | MISSING_FIELD  | missing field",
        "record exceeds the limit of 8192 bytes                     | TOO_LARGE      | too large",
        "export field _raw holds invalid JSON: unexpected character at line 1, column 2 | BROKEN_EXPORT | broken export wrapper",
        "something RoleTrail never wrote                            | OTHER          | other",
    })
    void shouldSortAReasonIntoItsCategory(String reason, DeadLetterCategory category, String words) {
        assertThat(DeadLetterCategory.of(reason)).isEqualTo(category);
        assertThat(category.words()).isEqualTo(words);
    }
}
