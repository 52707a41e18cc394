package dev.roletrail.streams.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;

/**
 * Open findings per kind over the report's last {@link #WEEKS} weeks, for one scope. Each past week is counted from
 * the best source there is:
 * <pre>
 * open(w) = the summary of the report published for w                      reported
 *         = the findings of the state open at w's end ({@link #openAt})      estimated, if observations began before
 *         = not known                                                        otherwise
 * </pre>
 * The findings topic keeps only each finding's latest state, so a past week cannot be read back exactly: the estimate
 * misses findings whose content changed since, and counts a resolved one as open back to the start of observations.
 * The chart marks it as an estimate. Least-privilege policies are proposals, not risks: not charted.
 */
final class FindingsTrend {

    static final int WEEKS = 8;

    private FindingsTrend() {
    }

    /**
     * @param open          the scope's open findings now: this week's counts
     * @param scopeFindings all the scope's findings of the state, open and resolved: past weeks' estimates
     * @param published     reports published for earlier weeks, by {@link WeeklyReport#id(String, String)}
     * @param observedSince the earliest event time RoleTrail has seen, or null when unknown
     */
    static List<WeekFindings> of(IsoWeek week, String scope, List<Finding> open, List<Finding> scopeFindings,
            Map<String, WeeklyReport> published, Instant observedSince) {
        List<WeekFindings> weeks = new ArrayList<>(WEEKS);
        for (int back = WEEKS - 1; back > 0; back--) {
            IsoWeek past = week.minusWeeks(back);
            WeeklyReport report = published.get(WeeklyReport.id(past.toString(), scope));
            if (report != null) {
                weeks.add(new WeekFindings(past.toString(), WeekFindings.Source.REPORTED, reported(report)));
            } else if (reachesBack(observedSince, past)) {
                weeks.add(new WeekFindings(past.toString(), WeekFindings.Source.ESTIMATED,
                        perKind(scopeFindings.stream().filter(f -> openAt(f, past.end())).toList())));
            } else {
                weeks.add(new WeekFindings(past.toString(), WeekFindings.Source.NOT_KNOWN, Map.of()));
            }
        }
        weeks.add(new WeekFindings(week.toString(), WeekFindings.Source.THIS_WEEK, perKind(open)));
        return List.copyOf(weeks);
    }

    /** The kinds charted, in the summary's order. */
    static List<FindingKind> kinds() {
        return ReportText.sectionKinds();
    }

    /** Whether RoleTrail's observations began before the week ended: its state can tell something of it. */
    static boolean reachesBack(Instant observedSince, IsoWeek week) {
        return observedSince != null && observedSince.isBefore(week.end());
    }

    /**
     * Whether the finding was open at {@code at}, as far as its current state tells: open and evaluated (its content
     * last changed) before then, or resolved after then. One evaluated later may have been open too, with other
     * content: it is not counted.
     */
    static boolean openAt(Finding f, Instant at) {
        return f.status() == FindingStatus.OPEN ? f.periodEnd().isBefore(at) : !f.periodEnd().isBefore(at);
    }

    private static Map<String, Long> perKind(List<Finding> findings) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FindingKind kind : kinds()) {
            counts.put(kind.id(), findings.stream().filter(f -> f.kind() == kind).count());
        }
        return counts;
    }

    private static Map<String, Long> reported(WeeklyReport report) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FindingKind kind : kinds()) {
            counts.put(kind.id(), report.summary().stream().filter(l -> l.item().equals(kind.id()))
                    .mapToLong(SummaryLine::count).sum());
        }
        return counts;
    }
}
