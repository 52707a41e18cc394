package dev.roletrail.schemas.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2022-09-27T17:09:18Z          | 2022-09-27T17:09:18Z",
        "2022-09-27T17:09:18.250Z      | 2022-09-27T17:09:18.250Z",
        "2022-09-27T19:09:18+02:00     | 2022-09-27T17:09:18Z",
        "2022-09-27 17:09:18           | 2022-09-27T17:09:18Z",
        "2022-09-27 17:09:18Z          | 2022-09-27T17:09:18Z",
        "2022-09-27 17:09:18.123456    | 2022-09-27T17:09:18.123456Z",
        "2022-09-27T17:09:18           | 2022-09-27T17:09:18Z",
        "2022-09-27 17:09:18+00:00     | 2022-09-27T17:09:18Z",
        "2022-09-27 19:09:18+0200      | 2022-09-27T17:09:18Z",
        "2022-09-27T12:09:18.5-05:00   | 2022-09-27T17:09:18.500Z",
    })
    void shouldReadEveryFormExportsWrite(String text, String expected) {
        assertThat(EventTimes.parse(text)).as(text).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-09-27 17:09:18", "2022-09-27T17:09:18", "2022-09-27 17:09:18+0000"})
    void shouldLeaveFormsOnlyExportsWriteToTheExportedReader(String text) {
        assertThat(EventTimes.iso(text)).as("not an ISO instant: ingest rewrites these").isEmpty();
        assertThat(EventTimes.exported(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "", "2022-02-30 10:00:00", "2022-09-27  17:09:18", "2022-09-27T 17:09:18",
        "2022-09-27 25:09:18", "2022-09-27 17:09", "2022-09-27", "1664298558", "2022-09-27 17:09:18 UTC",
        "2022-09-27X17:09:18"})
    void shouldRefuseWhatIsNoTime(String text) {
        assertThat(EventTimes.parse(text)).as(text).isEmpty();
    }
}
