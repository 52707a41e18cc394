package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;

class DayAlertsTest {

    private static Alert alert(String id, Severity severity, String at, long count) {
        Alert a = ReportSamples.alert(id, Instant.parse(at), "ua");
        return new Alert(a.id(), a.detector(), a.entity(), severity, a.title(), a.account(), a.region(), a.principal(),
                a.origin(), a.chain(), a.role(), a.accessKeyId(), a.sourceNetwork(), a.userAgent(), a.eventIds(),
                a.firstEventTime(), a.lastEventTime(), a.baseline(), a.unusual(), a.attack(), a.action(), count);
    }

    @Test
    void shouldCountEachAlertOnceOnTheDayOfItsFirstEventBySeverity() {
        List<Alert> alerts = List.of(alert("a", Severity.HIGH, "2026-11-16T00:00:00Z", 5),
                alert("b", Severity.HIGH, "2026-11-16T23:59:59Z", 1),
                alert("c", Severity.CRITICAL, "2026-11-16T12:00:00Z", 1),
                alert("d", Severity.LOW, "2026-11-22T23:59:59Z", 1),
                alert("e", Severity.LOW, "2026-11-23T00:00:00Z", 1), // next week
                alert("f", Severity.MEDIUM, "2026-11-15T23:59:59Z", 1)); // last week

        List<DayAlerts> days = DayAlerts.of(ReportSamples.WEEK, alerts);

        assertThat(days).extracting(DayAlerts::day, DayAlerts::total).containsExactly(
                tuple(LocalDate.parse("2026-11-16"), 3L), tuple(LocalDate.parse("2026-11-17"), 0L),
                tuple(LocalDate.parse("2026-11-18"), 0L), tuple(LocalDate.parse("2026-11-19"), 0L),
                tuple(LocalDate.parse("2026-11-20"), 0L), tuple(LocalDate.parse("2026-11-21"), 0L),
                tuple(LocalDate.parse("2026-11-22"), 1L));
        assertThat(days.get(0).bySeverity()).as("every severity, most urgent first; an alert's count is not summed")
                .containsExactly(Map.entry(Severity.CRITICAL, 1L), Map.entry(Severity.HIGH, 2L),
                        Map.entry(Severity.MEDIUM, 0L), Map.entry(Severity.LOW, 0L),
                        Map.entry(Severity.INFORMATIONAL, 0L));
        assertThat(days.get(6).count(Severity.LOW)).isEqualTo(1);
    }

    @Test
    void shouldKeepEveryAlertOfTheWeekNotOnlyTheListedOnes() {
        List<Alert> many = new java.util.ArrayList<>();
        for (int i = 0; i < ReportBuilder.MAX_ALERTS + 50; i++) {
            many.add(alert("m-" + i, Severity.MEDIUM, "2026-11-17T10:00:00Z", 1));
        }

        WeeklyReport report = ReportBuilder.build(ReportSamples.WEEK, ReportSamples.GENERATED,
                new ReportInputs(List.of(), List.of(), many), Map.of()).get(0);

        assertThat(report.alerts()).hasSize(ReportBuilder.MAX_ALERTS);
        assertThat(report.alertsPerDay().get(1).count(Severity.MEDIUM)).isEqualTo(ReportBuilder.MAX_ALERTS + 50);
    }
}
