package dev.roletrail.streams.report;

import java.util.ArrayList;
import java.util.List;

import dev.roletrail.schemas.finding.FindingKind;

/**
 * Open findings per kind at the end of each of the last weeks, as stacked bars with the total above. Under each
 * week, where its counts come from ({@link WeekFindings.Source}): an estimate is drawn paler and its total marked
 * {@code ≈}; a week nobody can know is a dashed placeholder with {@code ?}, not a number.
 */
final class FindingsTrendChart {

    private FindingsTrendChart() {
    }

    static String svg(List<WeekFindings> weeks) {
        List<StackedBarChart.Column> columns = new ArrayList<>();
        for (WeekFindings week : weeks) {
            List<StackedBarChart.Segment> segments = new ArrayList<>();
            for (FindingKind kind : FindingsTrend.kinds()) {
                if (week.source() != WeekFindings.Source.NOT_KNOWN) {
                    segments.add(new StackedBarChart.Segment("k-" + kind.id(), week.count(kind.id()),
                            week.count(kind.id()) + " " + kind.id() + " open at the end of " + week.week() + " ("
                                    + week.source().words() + ")"));
                }
            }
            Long total = week.total();
            String text = switch (week.source()) {
                case NOT_KNOWN -> "?";
                case ESTIMATED -> "≈" + total;
                default -> Long.toString(total);
            };
            String cssClass = switch (week.source()) {
                case NOT_KNOWN -> "not-known";
                case ESTIMATED -> "estimated";
                case THIS_WEEK -> "this-week";
                case REPORTED -> null;
            };
            columns.add(new StackedBarChart.Column(List.of(week.week(), week.source().words()), segments, text,
                    cssClass));
        }
        // "None" would be untrue of a week nobody knows.
        boolean unknown = weeks.stream().anyMatch(w -> w.source() == WeekFindings.Source.NOT_KNOWN);
        List<StackedBarChart.Legend> legend = FindingsTrend.kinds().stream()
                .map(k -> new StackedBarChart.Legend("k-" + k.id(), k.id())).toList();
        return StackedBarChart.svg(new StackedBarChart.Frame("findings-trend",
                "Open findings per kind at the end of each week", "open findings", "ISO week",
                unknown ? null : "no open findings in these weeks", 76), columns, legend);
    }
}
