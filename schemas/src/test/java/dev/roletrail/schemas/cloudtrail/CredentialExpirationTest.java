package dev.roletrail.schemas.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CredentialExpirationTest {

    @Test
    void shouldReadTheShapeOfRealRecords() {
        // Values from shared/data's real records (AWS documentation examples, Stratus Red Team detonations).
        assertThat(CredentialExpiration.parse("Jul 18, 2014, 4:07:39 PM"))
                .contains(Instant.parse("2014-07-18T16:07:39Z"));
        assertThat(CredentialExpiration.parse("Aug 1, 2024, 11:45:21 AM"))
                .contains(Instant.parse("2024-08-01T11:45:21Z"));
        assertThat(CredentialExpiration.parse("Oct 2, 2019, 11:12:29 PM"))
                .contains(Instant.parse("2019-10-02T23:12:29Z"));
    }

    @Test
    void shouldReadTwelveOClockAsAmericanClocksDo() {
        assertThat(CredentialExpiration.parse("Jan 1, 2026, 12:00:00 PM"))
                .contains(Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(CredentialExpiration.parse("Jan 1, 2026, 12:30:05 AM"))
                .contains(Instant.parse("2026-01-01T00:30:05Z"));
    }

    @Test
    void shouldReadIsoInstantsToo() {
        assertThat(CredentialExpiration.parse("2026-01-01T01:00:00Z"))
                .contains(Instant.parse("2026-01-01T01:00:00Z"));
    }

    @Test
    void shouldReadNothingFromWhatIsNoTime() {
        assertThat(CredentialExpiration.parse(null)).isEmpty();
        assertThat(CredentialExpiration.parse("")).isEmpty();
        assertThat(CredentialExpiration.parse("tomorrow")).isEmpty();
        assertThat(CredentialExpiration.parse("Feb 32, 2024, 1:00:00 AM")).isEmpty();
        assertThat(CredentialExpiration.parse("Jul 18, 2014, 13:07:39 PM")).isEmpty();
        assertThat(CredentialExpiration.parse("Jul 18, 2014, 4:07:39 PM trailing")).isEmpty();
        assertThat(CredentialExpiration.parse("Jul 18, 2014, 4:07 PM")).isEmpty();
    }

    @Test
    void shouldWriteTheShapeOfRealRecords() {
        assertThat(CredentialExpiration.format(Instant.parse("2014-07-18T16:07:39Z")))
                .isEqualTo("Jul 18, 2014, 4:07:39 PM");
        assertThat(CredentialExpiration.format(Instant.parse("2026-01-01T00:30:05Z")))
                .isEqualTo("Jan 1, 2026, 12:30:05 AM");
    }

    /** The hand-read shape must agree with the formatter it stands in for, on any time. */
    @Test
    void shouldAgreeWithTheFormatterOfTheShape() {
        DateTimeFormatter shape = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US)
                .withZone(ZoneOffset.UTC);
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant time = Instant.ofEpochSecond(1_000_000_000L + random.nextInt(1_000_000_000));
            assertThat(CredentialExpiration.parse(shape.format(time))).as(shape.format(time)).contains(time);
            assertThat(CredentialExpiration.format(time)).isEqualTo(shape.format(time));
        }
    }
}
