package dev.roletrail.streams.report;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.roletrail.schemas.alert.Severity;

/**
 * The week's alerts per day as stacked bars by severity (most urgent at the axis), with each day's total above its
 * bar. Days (UTC) of the report's week, Monday first.
 */
final class AlertsPerDayChart {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    private AlertsPerDayChart() {
    }

    static String svg(List<DayAlerts> days) {
        List<StackedBarChart.Column> columns = new ArrayList<>();
        for (DayAlerts day : days) {
            List<StackedBarChart.Segment> segments = new ArrayList<>();
            for (Severity severity : DayAlerts.URGENT_FIRST) {
                segments.add(new StackedBarChart.Segment("s-" + severity, day.count(severity),
                        day.count(severity) + " " + severity + " on " + day.day()));
            }
            columns.add(new StackedBarChart.Column(List.of(day.day().getDayOfWeek()
                    .getDisplayName(TextStyle.SHORT, Locale.ROOT), MONTH_DAY.format(day.day())), segments,
                    Long.toString(day.total()), day.total() == 0 ? "zero" : null));
        }
        List<StackedBarChart.Legend> legend = DayAlerts.URGENT_FIRST.stream()
                .map(s -> new StackedBarChart.Legend("s-" + s, s.name().toLowerCase(Locale.ROOT))).toList();
        return StackedBarChart.svg(new StackedBarChart.Frame("alerts-per-day", "Alerts per day by severity",
                "alerts", "day (UTC)", "no alerts this week", 64), columns, legend);
    }
}
