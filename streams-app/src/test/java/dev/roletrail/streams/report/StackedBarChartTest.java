package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackedBarChartTest {

    private static final StackedBarChart.Frame FRAME = new StackedBarChart.Frame("test", "a chart", "y", "x", "empty",
            60);

    @Test
    void shouldPickRoundTicksThatReachTheHighestColumn() {
        assertThat(StackedBarChart.step(0)).isEqualTo(1);
        assertThat(StackedBarChart.step(4)).isEqualTo(1);
        assertThat(StackedBarChart.step(5)).isEqualTo(2);
        assertThat(StackedBarChart.step(26)).isEqualTo(10);
        assertThat(StackedBarChart.step(4_001)).isEqualTo(2_000);
        assertThat(StackedBarChart.shortCount(950)).isEqualTo("950");
        assertThat(StackedBarChart.shortCount(1_500)).isEqualTo("1.5k");
        assertThat(StackedBarChart.shortCount(20_000)).isEqualTo("20k");
    }

    @Test
    void shouldEscapeEveryTextItWrites() {
        String svg = StackedBarChart.svg(new StackedBarChart.Frame("c\"><script>", ReportSamples.SCRIPT,
                ReportSamples.IMG, ReportSamples.SCRIPT, ReportSamples.IMG, 60), List.of(
                new StackedBarChart.Column(List.of(ReportSamples.SCRIPT, ReportSamples.IMG), List.of(
                        new StackedBarChart.Segment("s\"><img src=x>", 3, ReportSamples.SCRIPT),
                        new StackedBarChart.Segment("t", 2, ReportSamples.IMG)), ReportSamples.SCRIPT,
                        "\"><script>")), List.of(new StackedBarChart.Legend("l\"><img>", ReportSamples.SCRIPT)));

        assertThat(svg).doesNotContain("<script", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "class=\"chart c&quot;&gt;&lt;script&gt;\"", "<g class=\"column &quot;&gt;&lt;script&gt;\">");
    }

    @Test
    void shouldWriteEachColumnsTotalAndSegmentCountsWhenTheyFit() {
        String svg = StackedBarChart.svg(FRAME, List.of(new StackedBarChart.Column(List.of("Mon"), List.of(
                new StackedBarChart.Segment("a", 30, "30 a"), new StackedBarChart.Segment("b", 10, "10 b"),
                new StackedBarChart.Segment("c", 0, "0 c")), "40", null)), List.of());

        assertThat(svg).contains(">40</text>", "class=\"seg-count\"", ">30</text>", ">10</text>", "<title>30 a</title>")
                .doesNotContain("<title>0 c</title>", ">empty</text>");
    }

    @Test
    void shouldDrawAWeekNobodyKnowsAsAPlaceholderNotABar() {
        String svg = FindingsTrendChart.svg(List.of(
                new WeekFindings("2026-W45", WeekFindings.Source.NOT_KNOWN, Map.of()),
                new WeekFindings("2026-W46", WeekFindings.Source.ESTIMATED, Map.of("unused-role", 3L)),
                new WeekFindings("2026-W47", WeekFindings.Source.THIS_WEEK, Map.of("unused-role", 4L))));

        assertThat(svg).contains("<g class=\"column not-known\"><rect class=\"placeholder\"", ">?</text>",
                "<g class=\"column estimated\">", ">≈3</text>", ">≈ estimate</text>", ">not known</text>",
                "<g class=\"column this-week\">", ">4</text>", ">unused-role</text>")
                .as("no 'none' note over a week nobody knows").doesNotContain("no open findings");
    }

    @Test
    void shouldSayAWeekWithoutAlertsHadNone() {
        String svg = AlertsPerDayChart.svg(DayAlerts.of(ReportSamples.WEEK, List.of()));

        assertThat(svg).contains(">no alerts this week</text>", ">Mon</text>", ">11-16</text>", ">Sun</text>",
                ">critical</text>", ">informational</text>", ">day (UTC)</text>", ">alerts</text>");
    }
}
