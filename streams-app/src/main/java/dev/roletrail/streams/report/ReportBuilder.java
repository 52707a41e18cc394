package dev.roletrail.streams.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.streams.identity.AccessEdge;
import dev.roletrail.streams.identity.Arns;

/**
 * Builds the weekly reports of one ISO week: one for the organisation and one per account that has a finding, an
 * access path or an alert. Pure: the same inputs give the same reports. An edge belongs to both the assumer's and
 * the role's account, so a cross-account path shows in each; findings and alerts belong to their own account.
 */
public final class ReportBuilder {

    public static final String ALERTS = "alerts";
    public static final String ACCESS_PATHS = "access-paths";
    public static final String CROSS_ACCOUNT_PATHS = "cross-account-paths";

    /** The report lists the most severe alerts of the week up to this many; the summary counts them all. */
    static final int MAX_ALERTS = 200;

    private ReportBuilder() {
    }

    /**
     * @param previous last week's reports by scope (may be empty): the summary's change since last week
     */
    public static List<WeeklyReport> build(IsoWeek week, Instant generatedAt, ReportInputs inputs,
            Map<String, WeeklyReport> previous) {
        Objects.requireNonNull(previous, "previous");
        List<Finding> open = inputs.findings().stream().filter(f -> f.status() == FindingStatus.OPEN).toList();
        List<AccessEdge> edges = inputs.edges().stream().filter(e -> e.firstUsed().isBefore(week.end())).toList();
        List<Alert> alerts = inputs.alerts().stream().filter(a -> week.contains(a.firstEventTime())).toList();

        Set<String> accounts = new TreeSet<>();
        open.stream().map(Finding::account).filter(Objects::nonNull).forEach(accounts::add);
        alerts.stream().map(Alert::account).filter(Objects::nonNull).forEach(accounts::add);
        edges.forEach(e -> accounts.addAll(accountsOf(e)));
        accounts.removeIf(account -> !account.matches("\\d{12}"));

        List<WeeklyReport> reports = new ArrayList<>();
        reports.add(scoped(week, generatedAt, WeeklyReport.ORG, open, edges, alerts, previous));
        for (String account : accounts) {
            reports.add(scoped(week, generatedAt, account,
                    filter(open, f -> account.equals(f.account())),
                    filter(edges, e -> accountsOf(e).contains(account)),
                    filter(alerts, a -> account.equals(a.account())), previous));
        }
        return List.copyOf(reports);
    }

    private static WeeklyReport scoped(IsoWeek week, Instant generatedAt, String scope, List<Finding> findings,
            List<AccessEdge> edges, List<Alert> alerts, Map<String, WeeklyReport> previous) {
        WeeklyReport before = previous.get(scope);
        List<SummaryLine> summary = new ArrayList<>();
        for (FindingKind kind : FindingKind.values()) {
            summary.add(line(kind.id(), findings.stream().filter(f -> f.kind() == kind).count(), before));
        }
        summary.add(line(ALERTS, alerts.size(), before));
        summary.add(line(ACCESS_PATHS, edges.size(), before));
        summary.add(line(CROSS_ACCOUNT_PATHS, edges.stream().filter(AccessEdge::crossAccount).count(), before));
        List<Alert> shown = alerts.stream()
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::firstEventTime)
                        .thenComparing(Alert::id))
                .limit(MAX_ALERTS).toList();
        List<AccessEdge> sortedEdges = edges.stream()
                .sorted(Comparator.comparing(AccessEdge::assumer).thenComparing(AccessEdge::role)).toList();
        List<Finding> sortedFindings = findings.stream().sorted(Comparator.comparing(Finding::id)).toList();
        return new WeeklyReport(week.toString(), scope, week.start(), week.end(), generatedAt, summary,
                sortedFindings, sortedEdges, shown, alerts.size());
    }

    private static SummaryLine line(String item, long count, WeeklyReport before) {
        Long previous = before == null ? null : before.summary().stream().filter(l -> l.item().equals(item))
                .map(SummaryLine::count).findFirst().orElse(0L);
        return new SummaryLine(item, count, previous);
    }

    private static Set<String> accountsOf(AccessEdge edge) {
        Set<String> accounts = new TreeSet<>();
        String assumer = Arns.accountOf(edge.assumer());
        String role = Arns.accountOf(edge.role());
        if (assumer != null) {
            accounts.add(assumer);
        }
        if (role != null) {
            accounts.add(role);
        }
        return accounts;
    }

    private static <T> List<T> filter(List<T> values, Predicate<T> keep) {
        return values.stream().filter(keep).toList();
    }
}
