package dev.roletrail.streams.report;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.profile.AccessEdge;

/**
 * The weekly report of one scope (topic {@code roletrail.reports}, key {@link #id()}, value this record as JSON).
 * Findings are those open when the report was built; edges are every access path first used before the week ended
 * (use counts and last use are totals to that point); alerts are those whose first event fell in the week.
 *
 * @param week        ISO week, {@code 2026-W47}
 * @param scope       {@link #ORG} or a 12-digit account id
 * @param alertsTotal   alerts of the week before {@code alerts} was capped
 * @param observedSince the earliest event time RoleTrail had seen, or null when unknown
 * @param lastUse       finding id → its last use as the report words it: a time, {@code never} (no use in the
 *                      tracking period, which RoleTrail watched whole), or {@code not seen since tracking began
 *                      (DATE)}; empty in reports written before it was kept
 * @param sensitiveRoles  break-glass and sensitive roles: their unused-access findings are listed with them, not in
 *                        their kinds' sections
 * @param alertsPerDay    the week's alerts per day by severity, all of them (not only the listed ones); empty in
 *                        reports written before it was kept
 * @param findingsTrend   open findings per kind over the last {@value FindingsTrend#WEEKS} weeks, this one last; empty
 *                        in reports written before it was kept
 * @param identities      the identity inventory of the scope when the report was built, by id; empty in reports
 *                        written before it was kept
 */
public record WeeklyReport(
        String week,
        String scope,
        Instant periodStart,
        Instant periodEnd,
        Instant generatedAt,
        List<SummaryLine> summary,
        List<Finding> findings,
        List<AccessEdge> edges,
        List<Alert> alerts,
        long alertsTotal,
        Instant observedSince,
        Map<String, String> lastUse,
        List<SensitiveRole> sensitiveRoles,
        List<DayAlerts> alertsPerDay,
        List<WeekFindings> findingsTrend,
        List<Identity> identities) {

    /** Kinds that say access went unused: what a break-glass role is expected to show. */
    static final Set<FindingKind> UNUSED_ACCESS = Set.of(FindingKind.UNUSED_ROLE, FindingKind.UNUSED_TRUST_PATH,
            FindingKind.UNUSED_PERMISSIONS);

    /** The scope of the whole organisation's report. */
    public static final String ORG = "org";

    public WeeklyReport {
        IsoWeek.parse(week);
        // The scope names files and S3 keys: nothing but "org" or an account id may get that far.
        if (!ORG.equals(scope) && (scope == null || !scope.matches("\\d{12}"))) {
            throw new IllegalArgumentException("scope must be 'org' or a 12-digit account id, was '" + scope + "'");
        }
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(generatedAt, "generatedAt");
        summary = summary == null ? List.of() : List.copyOf(summary);
        findings = findings == null ? List.of() : List.copyOf(findings);
        edges = edges == null ? List.of() : List.copyOf(edges);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        lastUse = lastUse == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(lastUse));
        sensitiveRoles = sensitiveRoles == null ? List.of() : List.copyOf(sensitiveRoles);
        alertsPerDay = alertsPerDay == null ? List.of() : List.copyOf(alertsPerDay);
        findingsTrend = findingsTrend == null ? List.of() : List.copyOf(findingsTrend);
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    /**
     * The week's riskiest items ({@link RiskiestItems}): derived from the rest, so written to JSON for its readers
     * but not read back.
     */
    @JsonProperty(value = "riskiest", access = JsonProperty.Access.READ_ONLY)
    public List<RiskyItem> riskiest() {
        return RiskiestItems.of(this);
    }

    /** The identity inventory's counts and lists ({@link IdentityInventory}): derived, written but not read back. */
    @JsonProperty(value = "identityInventory", access = JsonProperty.Access.READ_ONLY)
    public IdentityInventory identityInventory() {
        return IdentityInventory.of(identities);
    }

    /** The key on the reports topic: {@code 2026-W47/org}, {@code 2026-W47/111122223333}. */
    public static String id(String week, String scope) {
        return week + "/" + scope;
    }

    @JsonIgnore
    public String id() {
        return id(week, scope);
    }

    /** The finding's last use in words, as {@link #lastUse} has it (a report without it: its own time, or never). */
    public String lastUse(Finding finding) {
        String words = lastUse.get(finding.id());
        return words != null ? words : ReportText.time(finding.lastUsed());
    }

    /**
     * The findings of one kind its section lists, most severe first: a break-glass or sensitive role's unused-access
     * findings are listed with the role instead.
     */
    public List<Finding> sectionFindings(FindingKind kind) {
        if (!UNUSED_ACCESS.contains(kind)) {
            return findings(kind);
        }
        Set<String> sensitive = new HashSet<>();
        sensitiveRoles.forEach(r -> sensitive.add(r.role()));
        return findings(kind).stream().filter(f -> !sensitive.contains(f.entity())).toList();
    }

    /** Findings of one kind, most severe first. */
    public List<Finding> findings(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind)
                .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::entity))
                .toList();
    }
}
