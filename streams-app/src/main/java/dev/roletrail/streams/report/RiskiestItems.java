package dev.roletrail.streams.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;

/**
 * The week's {@link #TOP} riskiest items, for the summary at the top of the report. Candidates are the alerts the
 * report lists and the findings its sections list (not least-privilege policies, which are proposals, nor a
 * break-glass role's unused access, which is expected); every one has a row to link to.
 * <pre>
 * order = severity, most urgent first
 *       → alerts before findings (something happened this week; a finding is standing exposure)
 *       → alerts: more occurrences first, then earlier first event
 *         findings: by kind, {@link #KIND_RISK}'s order, then more unused write or permissions-management actions
 *       → id (deterministic ties)
 * </pre>
 */
final class RiskiestItems {

    static final int TOP = 5;

    /**
     * Every finding kind by risk, riskiest first: access someone outside can still take (a trust path), a sensitive
     * role reachable without MFA, long-term secrets that several hands or workloads hold or nobody uses, then whole
     * identities unused or unowned, then unused grants, then hygiene.
     */
    static final List<FindingKind> KIND_RISK = List.of(FindingKind.UNUSED_TRUST_PATH,
            FindingKind.MFA_NOT_REQUIRED_FOR_SENSITIVE_ROLE, FindingKind.SHARED_CREDENTIAL, FindingKind.DORMANT_KEY,
            FindingKind.LONG_LIVED_KEY_USED_BY_WORKLOAD, FindingKind.UNUSED_ROLE, FindingKind.INACTIVE_USER,
            FindingKind.UNOWNED_IDENTITY, FindingKind.UNUSED_PERMISSIONS, FindingKind.KEY_ROTATION_OVERDUE,
            FindingKind.SHARED_ROLE, FindingKind.LEAST_PRIVILEGE_POLICY);

    private static final Comparator<Alert> ALERTS = Comparator.comparing(Alert::severity).reversed()
            .thenComparing(Comparator.comparingLong(Alert::count).reversed())
            .thenComparing(Alert::firstEventTime).thenComparing(Alert::id);
    /** A finding with its risky unused actions counted once, not on every comparison (a role may have hundreds). */
    private record Candidate(Finding finding, long riskyUnused) {
        Candidate(Finding finding) {
            this(finding, riskyUnusedActions(finding));
        }
    }

    private static final Comparator<Candidate> FINDINGS = Comparator
            .comparing((Candidate c) -> c.finding().severity()).reversed()
            .thenComparingInt(c -> KIND_RISK.indexOf(c.finding().kind()))
            .thenComparing(Comparator.comparingLong(Candidate::riskyUnused).reversed())
            .thenComparing(c -> c.finding().id());

    private RiskiestItems() {
    }

    static List<RiskyItem> of(WeeklyReport report) {
        List<Alert> alerts = report.alerts().stream().sorted(ALERTS).limit(TOP).toList();
        List<Finding> findings = ReportText.sectionKinds().stream().flatMap(k -> report.sectionFindings(k).stream())
                .map(Candidate::new).sorted(FINDINGS).limit(TOP).map(Candidate::finding).toList();
        // Merge the two ordered lists: at equal severity the alert goes first.
        List<RiskyItem> items = new ArrayList<>(TOP);
        int a = 0;
        int f = 0;
        while (items.size() < TOP && (a < alerts.size() || f < findings.size())) {
            boolean alertNext = f == findings.size() || a < alerts.size()
                    && alerts.get(a).severity().compareTo(findings.get(f).severity()) >= 0;
            int rank = items.size() + 1;
            items.add(alertNext ? alert(rank, alerts.get(a++)) : finding(rank, report, findings.get(f++)));
        }
        return List.copyOf(items);
    }

    private static RiskyItem alert(int rank, Alert a) {
        return new RiskyItem(rank, RiskyItem.ALERT, a.id(), a.severity(), a.detector(), a.title(), a.principal(),
                a.account(), ReportText.time(a.firstEventTime()), ReportText.alertId(a.id()));
    }

    private static RiskyItem finding(int rank, WeeklyReport report, Finding f) {
        return new RiskyItem(rank, RiskyItem.FINDING, f.id(), f.severity(), f.kind().id(), f.title(), f.entity(),
                f.account(), "last used " + report.lastUse(f), ReportText.findingId(f.id()));
    }

    private static long riskyUnusedActions(Finding f) {
        ActionUsage actions = f.actions();
        return actions == null ? 0 : ServiceActions.of(actions.unused()).stream().mapToLong(ServiceActions::risky)
                .sum();
    }
}
