package dev.roletrail.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords.Rejected;
import dev.roletrail.schemas.deadletter.DeadLetterCategory;

/** Dead-letter reasons are RoleTrail's words with where the input broke, never the parser's message. */
class ReasonsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"eventID\": oops}                  | invalid JSON: unknown word at line 1, column 13",
        "{\"a\":[1,2}                         | invalid JSON: mismatched bracket at line 1, column 10",
        "{\"a\":1,}                           | invalid JSON: unexpected character at line 1, column 8",
        "{\"a\":\"bad \\q escape\"}             | invalid JSON: invalid escape in a string at line 1, column 12",
        "{\"a\":01}                           | invalid JSON: invalid number at line 1, column 7",
        "{\"a\"                               | invalid JSON: the input ends inside a value at line 1, column 5",
    })
    void shouldDescribeInvalidJsonInRoleTrailsWords(String json, String reason) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> Json.mapper().readTree(json));

        assertThat(Reasons.invalidJson(e)).isEqualTo(reason);
        assertThat(DeadLetterCategory.of(reason)).isEqualTo(DeadLetterCategory.INVALID_JSON);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"eventID\":\"x\",\"eventTime\":\"yesterday\",\"userIdentity\":{}} | eventTime has the wrong type or format",
        "{\"eventID\":\"x\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{\"type\":[1]}} "
                + "| userIdentity.type has the wrong type or format",
    })
    void shouldNameTheFieldThatDoesNotBind(String json, String detail) {
        var result = CloudTrailRecords.withDefaults().parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(new Rejected("not a CloudTrail record: " + detail));
    }

    @org.junit.jupiter.api.Test
    void shouldNeverQuoteTheInput() {
        String hostile = "{\"eventID\":\"x\",\"eventTime\":\"\\u001b[31mHACKED\",\"userIdentity\":{}}";

        var result = CloudTrailRecords.withDefaults().parse(hostile.getBytes(StandardCharsets.UTF_8));

        assertThat(((Rejected) result).reason()).doesNotContain("HACKED").doesNotContain(CloudTrailRecord.class.getName());
    }
}
