package dev.roletrail.schemas.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalInstantTest {

    @Test
    void shouldReadTheFormCloudTrailWrites() {
        assertThat(CanonicalInstant.parse("2026-11-20T10:04:59Z")).contains(Instant.parse("2026-11-20T10:04:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-11-20T24:00:00Z", "2016-12-31T23:59:60Z",
        "2026-11-20T10:00:00.250Z", "2026-11-20T10:00:00+01:00", "2026-11-2OT10:00:00Z", "2026-11-20 10:00:00Z",
        "yesterday", ""})
    void shouldLeaveEveryOtherFormToTheGeneralParser(String text) {
        assertThat(CanonicalInstant.parse(text)).as(text).isEmpty();
    }
}
