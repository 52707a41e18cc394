package dev.roletrail.streams.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.identity.Arns;
import dev.roletrail.streams.profile.AccessEdge;

/**
 * Builds the weekly reports of one ISO week: one for the organisation and one per account that has a finding, an
 * access path or an alert. Pure: the same inputs give the same reports. An edge belongs to both the assumer's and
 * the role's account, so a cross-account path shows in each; findings and alerts belong to their own account.
 * Each finding carries the latest use the state knows of ({@link LastUse}).
 * <p>
 * Last week's counts come from last week's report, or, when none was written, from the state, as far as it reaches
 * back (observations began before last week ended): paths first used before then, last week's alerts, and the findings
 * known to be open at its end (open ones evaluated before it, and ones resolved since). The charts' data are built
 * here too: the week's alerts per day ({@link DayAlerts}) and open findings over the last weeks ({@link FindingsTrend},
 * from earlier reports or the state the same way). The identity inventory is as it stands when the report is built
 * (the organisation's whole, each account's own), not as it was at the week's end.
 */
public final class ReportBuilder {

    public static final String ALERTS = "alerts";
    public static final String ACCESS_PATHS = "access-paths";
    public static final String CROSS_ACCOUNT_PATHS = "cross-account-paths";
    /** Weeks the findings trend covers, the report's own included: earlier reports older than that are not read. */
    public static final int TREND_WEEKS = FindingsTrend.WEEKS;

    /** The report lists the most severe alerts of the week up to this many; the summary counts them all. */
    static final int MAX_ALERTS = 200;

    private ReportBuilder() {
    }

    /** With the default break-glass and sensitive role patterns. */
    public static List<WeeklyReport> build(IsoWeek week, Instant generatedAt, ReportInputs inputs,
            Map<String, WeeklyReport> previous) {
        return build(week, generatedAt, inputs, previous, ReportSettings.defaults());
    }

    /**
     * @param previous last week's reports by scope (may be empty): the summary's change since last week; a scope
     *                 without one is counted from the state
     * @param settings which roles are break-glass or sensitive
     */
    public static List<WeeklyReport> build(IsoWeek week, Instant generatedAt, ReportInputs inputs,
            Map<String, WeeklyReport> previous, ReportSettings settings) {
        Objects.requireNonNull(previous, "previous");
        return build(week, generatedAt, inputs, List.copyOf(previous.values()), settings);
    }

    /**
     * @param published reports published for earlier weeks, any scope (may be empty): last week's give the summary's
     *                  change since last week, those of the last {@value FindingsTrend#WEEKS} weeks the findings trend;
     *                  a week or scope without one is counted from the state
     * @param settings  which roles are break-glass or sensitive
     */
    public static List<WeeklyReport> build(IsoWeek week, Instant generatedAt, ReportInputs inputs,
            List<WeeklyReport> published, ReportSettings settings) {
        Map<String, WeeklyReport> byId = new TreeMap<>();
        published.stream().filter(r -> IsoWeek.parse(r.week()).compareTo(week) < 0)
                .forEach(r -> byId.put(r.id(), r));
        List<AccessEdge> edges = inputs.edges().stream().filter(e -> e.firstUsed().isBefore(week.end())).toList();
        List<Alert> alerts = inputs.alerts().stream().filter(a -> week.contains(a.firstEventTime())).toList();
        LastUse lastUse = new LastUse(edges, inputs.alerts().stream()
                .filter(a -> a.firstEventTime().isBefore(week.end())).toList(), inputs.observedSince());
        List<Finding> open = inputs.findings().stream().filter(f -> f.status() == FindingStatus.OPEN)
                .map(lastUse::enrich).toList();
        State state = new State(week, generatedAt, inputs, lastUse, settings, byId);

        Set<String> accounts = new TreeSet<>();
        open.stream().map(Finding::account).filter(Objects::nonNull).forEach(accounts::add);
        alerts.stream().map(Alert::account).filter(Objects::nonNull).forEach(accounts::add);
        edges.forEach(e -> accounts.addAll(accountsOf(e)));
        accounts.removeIf(account -> !account.matches("\\d{12}"));

        List<WeeklyReport> reports = new ArrayList<>();
        reports.add(scoped(state, WeeklyReport.ORG, open, edges, alerts));
        for (String account : accounts) {
            reports.add(scoped(state, account,
                    filter(open, f -> account.equals(f.account())),
                    filter(edges, e -> accountsOf(e).contains(account)),
                    filter(alerts, a -> account.equals(a.account()))));
        }
        return List.copyOf(reports);
    }

    /** What every scope's report is made from. */
    private record State(IsoWeek week, Instant generatedAt, ReportInputs inputs, LastUse lastUse,
            ReportSettings settings, Map<String, WeeklyReport> published) {
    }

    private static WeeklyReport scoped(State state, String scope, List<Finding> findings, List<AccessEdge> edges,
            List<Alert> alerts) {
        IsoWeek week = state.week();
        Map<String, Long> counts = counts(findings, alerts, edges);
        WeeklyReport lastWeeks = state.published().get(WeeklyReport.id(week.previous().toString(), scope));
        Map<String, Long> before = lastWeeks != null ? counts(lastWeeks) : lastWeekFromState(state, scope);
        List<SummaryLine> summary = new ArrayList<>();
        counts.forEach((item, count) -> summary.add(new SummaryLine(item, count,
                before == null ? null : before.getOrDefault(item, 0L))));
        List<Alert> shown = alerts.stream()
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::firstEventTime)
                        .thenComparing(Alert::id))
                .limit(MAX_ALERTS).toList();
        List<AccessEdge> sortedEdges = edges.stream()
                .sorted(Comparator.comparing(AccessEdge::assumer).thenComparing(AccessEdge::role)).toList();
        List<Finding> sortedFindings = findings.stream().sorted(Comparator.comparing(Finding::id)).toList();
        Map<String, String> lastUse = new TreeMap<>();
        sortedFindings.forEach(f -> lastUse.put(f.id(), state.lastUse().words(f)));
        return new WeeklyReport(week.toString(), scope, week.start(), week.end(), state.generatedAt(), summary,
                sortedFindings, sortedEdges, shown, alerts.size(), state.inputs().observedSince(), lastUse,
                sensitiveRoles(state, findings, edges, alerts), DayAlerts.of(week, alerts),
                FindingsTrend.of(week, scope, findings, filter(state.inputs().findings(), f -> inScope(scope,
                        f.account())), state.published(), state.inputs().observedSince()),
                state.inputs().identities().stream().filter(i -> inScope(scope, i.account()))
                        .sorted(Comparator.comparing(Identity::id)).toList());
    }

    private static boolean inScope(String scope, String account) {
        return WeeklyReport.ORG.equals(scope) || scope.equals(account);
    }

    /** Every break-glass or sensitive role the scope's findings, paths or alerts name; break-glass first. */
    private static List<SensitiveRole> sensitiveRoles(State state, List<Finding> findings, List<AccessEdge> edges,
            List<Alert> alerts) {
        Set<String> roles = new TreeSet<>();
        findings.stream().filter(f -> "role".equals(f.entityType())).map(Finding::entity).forEach(roles::add);
        edges.forEach(e -> roles.add(e.role()));
        alerts.stream().map(Alert::role).filter(Objects::nonNull).forEach(roles::add);
        roles.removeIf(role -> !state.settings().sensitive(role));
        List<SensitiveRole> listed = new ArrayList<>();
        for (String role : roles) {
            Instant lastUsed = null;
            boolean usedThisWeek = false;
            List<String> assumers = new ArrayList<>();
            for (AccessEdge e : edges.stream().filter(e -> e.role().equals(role))
                    .sorted(Comparator.comparing(AccessEdge::lastUsed).reversed()).toList()) {
                lastUsed = latest(lastUsed, e.lastUsed());
                usedThisWeek |= state.week().contains(e.lastUsed());
                assumers.add(e.assumer() + " (" + ReportText.day(e.lastUsed()) + ", " + e.uses() + "×)");
            }
            Map<String, Long> alertCounts = new TreeMap<>();
            for (Alert a : alerts.stream().filter(a -> role.equals(a.role())).toList()) {
                lastUsed = latest(lastUsed, a.lastEventTime());
                usedThisWeek = true;
                alertCounts.merge(a.severity() + " " + a.detector(), a.count(), Long::sum);
            }
            List<String> kinds = new ArrayList<>();
            for (Finding f : findings.stream().filter(f -> role.equals(f.entity())).toList()) {
                lastUsed = latest(lastUsed, f.lastUsed());
                if (WeeklyReport.UNUSED_ACCESS.contains(f.kind()) && !kinds.contains(f.kind().id())) {
                    kinds.add(f.kind().id());
                }
            }
            List<String> alertLines = alertCounts.entrySet().stream().map(c -> c.getKey() + " ×" + c.getValue())
                    .toList();
            listed.add(new SensitiveRole(role, state.settings().breakGlass(role), lastUsed, assumers, alertLines,
                    kinds, usedThisWeek));
        }
        listed.sort(Comparator.comparing((SensitiveRole r) -> !r.breakGlass()).thenComparing(SensitiveRole::role));
        return listed;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** The summary's items and counts, in the summary's order. */
    private static Map<String, Long> counts(List<Finding> findings, List<Alert> alerts, List<AccessEdge> edges) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FindingKind kind : FindingKind.values()) {
            counts.put(kind.id(), findings.stream().filter(f -> f.kind() == kind).count());
        }
        counts.put(ALERTS, (long) alerts.size());
        counts.put(ACCESS_PATHS, (long) edges.size());
        counts.put(CROSS_ACCOUNT_PATHS, edges.stream().filter(AccessEdge::crossAccount).count());
        return counts;
    }

    private static Map<String, Long> counts(WeeklyReport report) {
        Map<String, Long> counts = new LinkedHashMap<>();
        report.summary().forEach(line -> counts.put(line.item(), line.count()));
        return counts;
    }

    /** Last week's counts of the scope as the state tells them, or null when observations began after it. */
    private static Map<String, Long> lastWeekFromState(State state, String scope) {
        IsoWeek last = state.week().previous();
        if (!FindingsTrend.reachesBack(state.inputs().observedSince(), last)) {
            return null;
        }
        List<Finding> findings = filter(state.inputs().findings(), f -> inScope(scope, f.account())
                && FindingsTrend.openAt(f, last.end()));
        List<Alert> alerts = filter(state.inputs().alerts(), a -> last.contains(a.firstEventTime())
                && inScope(scope, a.account()));
        List<AccessEdge> edges = filter(state.inputs().edges(), e -> e.firstUsed().isBefore(last.end())
                && (WeeklyReport.ORG.equals(scope) || accountsOf(e).contains(scope)));
        return counts(findings, alerts, edges);
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
