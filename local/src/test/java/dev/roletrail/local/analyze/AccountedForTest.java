package dev.roletrail.local.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.query.RecordAccounting;

class AccountedForTest {

    @Test
    void shouldListPrincipalEventsAndEveryExclusion() {
        RecordAccounting accounting = RecordAccounting.of(1_305, Map.of("duplicate", 3L, "dead-letter", 2L));

        assertThat(Analysis.accountedFor(1_310, accounting))
                .isEqualTo("Accounted for: 1,310 records = 1,305 principal events + 2 dead-letter + 3 duplicate");
    }

    @Test
    void shouldSayHowManyRecordsOfTheTopicAreNotAccountedFor() {
        assertThat(Analysis.accountedFor(12, RecordAccounting.of(10, Map.of())))
                .isEqualTo("Accounted for: 10 records = 10 principal events (2 of the topic's 12 records not "
                        + "accounted for)");
    }
}
