package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.query.DataSpan;
import dev.roletrail.streams.report.IsoWeek;

/** Which week {@code roletrail report} writes when none or one without data is named. */
class ReportWeekTest {

    private static final DataSpan NOVEMBER = new DataSpan(Instant.parse("2026-11-02T08:00:00Z"),
            Instant.parse("2026-11-18T17:30:00Z"), 4_200);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldPickTheNewestWeekWithDataAndSayWhich() {
        Optional<IsoWeek> week = ReportCommand.weekFromData(null, Optional.of(NOVEMBER), console(out), console(err));

        assertThat(week).hasValue(IsoWeek.parse("2026-W47"));
        assertThat(out.toString()).isEqualTo("No --week given: writing 2026-W47, the newest week with data "
                + "(events from 2026-11-02T08:00:00Z to 2026-11-18T17:30:00Z).\n");
    }

    @Test
    void shouldWriteANamedWeekWithoutDataButSaySo() {
        Optional<IsoWeek> week = ReportCommand.weekFromData(IsoWeek.parse("2026-W30"), Optional.of(NOVEMBER),
                console(out), console(err));

        assertThat(week).hasValue(IsoWeek.parse("2026-W30"));
        assertThat(out.toString()).contains("2026-W30 has no data", "2026-W45 to 2026-W47");
    }

    @Test
    void shouldWriteANamedWeekInsideTheDataWithoutANote() {
        Optional<IsoWeek> week = ReportCommand.weekFromData(IsoWeek.parse("2026-W46"), Optional.of(NOVEMBER),
                console(out), console(err));

        assertThat(week).hasValue(IsoWeek.parse("2026-W46"));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldRefuseToGuessAWeekBeforeAnyData() {
        Optional<IsoWeek> week = ReportCommand.weekFromData(null, Optional.empty(), console(out), console(err));

        assertThat(week).isEmpty();
        assertThat(err.toString()).contains("no CloudTrail event yet", "--week");
    }

    @Test
    void shouldPickTheNewestPublishedWeekFromTheTopic() {
        TreeSet<IsoWeek> published = new TreeSet<>();
        published.add(IsoWeek.parse("2026-W45"));
        published.add(IsoWeek.parse("2026-W47"));
        published.add(IsoWeek.parse("2026-W46"));

        assertThat(ReportCommand.newestPublished(published, console(out), console(err)))
                .hasValue(IsoWeek.parse("2026-W47"));
        assertThat(out.toString()).contains("2026-W47, the newest week on the reports topic");
        assertThat(ReportCommand.newestPublished(new TreeSet<>(), console(out), console(err))).isEmpty();
        assertThat(err.toString()).contains("no report yet");
    }

    private static PrintWriter console(StringWriter into) {
        return new PrintWriter(into, true);
    }
}
