package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WeeklyReportJobTest {

    private final Set<IsoWeek> published = new HashSet<>();
    private final List<WeeklyReport> sent = new ArrayList<>();

    private WeeklyReportJob job(Instant now, boolean leader) {
        return new WeeklyReportJob(Clock.fixed(now, ZoneOffset.UTC), week -> leader && !published.contains(week),
                week -> ReportBuilder.build(week, now, ReportSamples.inputs(), Map.of()),
                reports -> {
                    sent.addAll(reports);
                    reports.forEach(r -> published.add(IsoWeek.parse(r.week())));
                });
    }

    @Test
    void shouldPublishLastWeekOnceTheWeekIsOver() {
        WeeklyReportJob job = job(Instant.parse("2026-11-23T00:30:00Z"), true);

        assertThat(job.runOnce()).isTrue();
        assertThat(job.runOnce()).as("already published").isFalse();
        assertThat(sent).extracting(WeeklyReport::week).containsOnly("2026-W47");
        assertThat(sent).extracting(WeeklyReport::scope).contains(WeeklyReport.ORG);
    }

    @Test
    void shouldLeaveTheReportToTheLeadingInstance() {
        assertThat(job(Instant.parse("2026-11-23T00:30:00Z"), false).runOnce()).isFalse();
        assertThat(sent).isEmpty();
    }
}
