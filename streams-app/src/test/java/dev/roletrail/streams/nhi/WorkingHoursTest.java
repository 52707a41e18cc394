package dev.roletrail.streams.nhi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    private static Trait interactive(int span) {
        return new Trait(Trait.SESSION, "console", "198.51.100.0/24", span);
    }

    @Test
    void shouldCarryASignInOnToATwelveHourDayAndKeepALongerOne() {
        assertThat(WorkingHours.of(List.of(interactive(2))).toString()).isEqualTo("08:00–20:00 UTC");
        assertThat(WorkingHours.of(List.of(interactive(2), interactive(3))).toString()).isEqualTo("08:00–20:00 UTC");
        assertThat(WorkingHours.of(List.of(interactive(2), interactive(4 + Trait.SPANS_PER_DAY))).toString())
                .as("weekends count like weekdays").isEqualTo("08:00–20:00 UTC");
        assertThat(WorkingHours.of(List.of(interactive(0))).toString()).isEqualTo("00:00–12:00 UTC");
        assertThat(WorkingHours.of(List.of(interactive(5))).toString()).as("carried back at the day's end")
                .isEqualTo("12:00–24:00 UTC");
    }

    @Test
    void shouldKnowNoHoursWithoutInteractiveUse() {
        WorkingHours none = WorkingHours.of(List.of(new Trait("AKIAEXAMPLE", "boto3", "203.0.113.0/24", 2)));

        assertThat(none.known()).isFalse();
        assertThat(none.coversHours(2)).isFalse();
    }
}
