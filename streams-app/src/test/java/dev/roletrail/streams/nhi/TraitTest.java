package dev.roletrail.streams.nhi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TraitTest {

    @Test
    void shouldPutAnEventInItsFourHourSpanAndMarkWeekends() {
        // 2026-10-01 is a Thursday, 2026-10-03 a Saturday.
        assertThat(Trait.spanOf(Instant.parse("2026-10-01T00:00:00Z"))).isZero();
        assertThat(Trait.spanOf(Instant.parse("2026-10-01T03:59:59Z"))).isZero();
        assertThat(Trait.spanOf(Instant.parse("2026-10-01T09:00:00Z"))).isEqualTo(2);
        assertThat(Trait.spanOf(Instant.parse("2026-10-01T23:30:00Z"))).isEqualTo(5);
        assertThat(Trait.spanOf(Instant.parse("2026-10-03T23:30:00Z"))).isEqualTo(11);
        Trait weekend = new Trait("session", "boto3", "10.0.0.0/24", 11);
        assertThat(weekend.weekend()).isTrue();
        assertThat(weekend.hours()).isEqualTo(5);
    }

    @Test
    void shouldRoundTripThroughItsRowAndRejectWhatIsNoTrait() {
        Trait trait = new Trait("AKIAEXAMPLE", "aws-cli", "203.0.113.0/24", 7);

        assertThat(Trait.decode(trait.encode())).isEqualTo(trait);
        assertThat(Trait.decode("AKIAEXAMPLE")).isNull();
        assertThat(Trait.decode("a\u001fb\u001fc\u001f99")).isNull();
        assertThat(Trait.decode("a\u001fb\u001fc\u001fx")).isNull();
    }
}
