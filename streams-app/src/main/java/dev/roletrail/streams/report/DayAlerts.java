package dev.roletrail.streams.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;

/**
 * The alerts of one day (UTC) by severity, for the report's alerts-per-day chart. An alert counts on the day of its
 * first event, once, whatever its {@link Alert#count()}: the same unit as the summary's alert count.
 *
 * @param day        the day, UTC
 * @param bySeverity every severity, most urgent first, with its count (0 included, so every day has every key)
 */
public record DayAlerts(LocalDate day, Map<Severity, Long> bySeverity) {

    /** Most urgent first: the order of the legend, and of the stack from the axis up. */
    static final List<Severity> URGENT_FIRST = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFORMATIONAL);

    public DayAlerts {
        Objects.requireNonNull(day, "day");
        Map<Severity, Long> all = new LinkedHashMap<>();
        for (Severity severity : URGENT_FIRST) {
            Long count = bySeverity == null ? null : bySeverity.get(severity);
            all.put(severity, count == null ? 0L : count);
        }
        bySeverity = Collections.unmodifiableMap(all);
    }

    /** The seven days of the week, Monday first, each with the count of alerts first seen that day. */
    static List<DayAlerts> of(IsoWeek week, List<Alert> alerts) {
        List<DayAlerts> days = new ArrayList<>(7);
        for (int d = 0; d < 7; d++) {
            Instant start = week.start().plusSeconds(86_400L * d);
            Instant end = start.plusSeconds(86_400);
            Map<Severity, Long> counts = new LinkedHashMap<>();
            alerts.stream().filter(a -> !a.firstEventTime().isBefore(start) && a.firstEventTime().isBefore(end))
                    .forEach(a -> counts.merge(a.severity(), 1L, Long::sum));
            days.add(new DayAlerts(LocalDate.ofInstant(start, ZoneOffset.UTC), counts));
        }
        return List.copyOf(days);
    }

    long total() {
        return bySeverity.values().stream().mapToLong(Long::longValue).sum();
    }

    long count(Severity severity) {
        return bySeverity.get(severity);
    }
}
