package dev.roletrail.streams.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.identity.CredentialKind;

/** Wording shared by the renderers, so the HTML, Markdown and CSV say the same thing. */
final class ReportText {

    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** How the riskiest items are ranked ({@link RiskiestItems}), in the report's words. */
    static final String RANKING = "Ranked by severity; at equal severity alerts (what happened this week) before "
            + "findings (standing exposure); then alerts by occurrences, findings by kind ("
            + RiskiestItems.KIND_RISK.stream().filter(k -> k != FindingKind.LEAST_PRIVILEGE_POLICY)
                    .map(k -> lowerFirst(kindTitle(k))).collect(Collectors.joining(", "))
            + ") and unused write or permissions-management actions. Break-glass roles' unused access (expected) and "
            + "least-privilege policies (proposals) are not ranked.";

    private static String lowerFirst(String title) {
        return Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }

    private ReportText() {
    }

    /** What the findings trend's sources mean, with when observations began where it matters. */
    static String trendSources(WeeklyReport report) {
        List<String> parts = new ArrayList<>();
        List<WeekFindings.Source> sources = report.findingsTrend().stream().map(WeekFindings::source).toList();
        if (sources.contains(WeekFindings.Source.REPORTED)) {
            parts.add("reported: counted by that week's report.");
        }
        if (sources.contains(WeekFindings.Source.ESTIMATED)) {
            parts.add("≈ estimate: no report was written for that week, so it is counted from today's state, which "
                    + "keeps each finding's latest state only: findings that changed since are missing, resolved "
                    + "ones count as open until they resolved.");
        }
        if (sources.contains(WeekFindings.Source.NOT_KNOWN)) {
            parts.add("? not known: no report, and " + (report.observedSince() == null
                    ? "when RoleTrail's observations began is not known."
                    : "RoleTrail's observations began " + day(report.observedSince()) + ", after that week."));
        }
        return String.join(" ", parts);
    }

    static final String INVENTORY = "Every identity the inventory holds when the report is built, by the kind "
            + "inferred from its use and the credential it signs in or calls with.";
    static final String WITHOUT_OWNER = "Without an owner, or with an orphaned owner";
    static final String WORKLOADS_ON_KEYS = "Workloads still on long-lived access keys";

    /** The credential kinds' ids, the columns of the inventory's counts. */
    static List<String> credentialKinds() {
        return Arrays.stream(CredentialKind.values()).map(CredentialKind::id).toList();
    }

    static String title(WeeklyReport report) {
        return "RoleTrail weekly report " + report.week() + " — "
                + (WeeklyReport.ORG.equals(report.scope()) ? "organisation" : "account " + report.scope());
    }

    static String period(WeeklyReport report) {
        return DAY.format(report.periodStart()) + " to " + DAY.format(report.periodEnd().minusSeconds(1))
                + " (UTC), generated " + DAY_TIME.format(report.generatedAt());
    }

    static String time(Instant instant) {
        return instant == null ? "never" : DAY_TIME.format(instant);
    }

    static String day(Instant instant) {
        return instant == null ? "never" : DAY.format(instant);
    }

    static String change(SummaryLine line) {
        Long change = line.change();
        if (change == null) {
            return "n/a";
        }
        return change > 0 ? "+" + change : Long.toString(change);
    }

    static String previous(SummaryLine line) {
        return line.previous() == null ? "n/a" : Long.toString(line.previous());
    }

    static String kindTitle(FindingKind kind) {
        return switch (kind) {
            case UNUSED_ROLE -> "Unused roles";
            case UNUSED_TRUST_PATH -> "Unused trust paths";
            case UNUSED_PERMISSIONS -> "Unused permissions";
            case DORMANT_KEY -> "Dormant access keys";
            case KEY_ROTATION_OVERDUE -> "Access keys overdue for rotation";
            case INACTIVE_USER -> "Inactive IAM users";
            case SHARED_ROLE -> "Roles used as shared accounts";
            case LEAST_PRIVILEGE_POLICY -> "Least-privilege policies";
            case MFA_NOT_REQUIRED_FOR_SENSITIVE_ROLE -> "Sensitive roles assumable without MFA";
            case UNOWNED_IDENTITY -> "Workload identities without an owner";
            case LONG_LIVED_KEY_USED_BY_WORKLOAD -> "Long-lived access keys used by workloads";
            case SHARED_CREDENTIAL -> "Access keys shared by people and automation";
        };
    }

    /** The finding's evidence lines, then its actions by usage where it has them. */
    static List<String> evidence(Finding finding) {
        List<String> lines = new ArrayList<>(finding.evidence());
        ActionUsage actions = finding.actions();
        if (actions != null) {
            lines.add("used: " + String.join(", ", actions.used()));
            lines.add("unused: " + String.join(", ", actions.unused()));
            lines.add("not observable in CloudTrail: " + String.join(", ", actions.notObservable()));
        }
        return lines;
    }

    /** A role's generated policy, and the assumers whose sessions used exactly the same actions. */
    record Policy(Finding finding, List<String> sameForAssumers) {
    }

    /**
     * The least-privilege policies that carry a policy, by entity: each role's own, then one per assumer where it
     * differs from the role's (an assumer whose policy is the same is named under the role's).
     */
    static List<Policy> policies(WeeklyReport report) {
        List<Finding> all = report.findings(FindingKind.LEAST_PRIVILEGE_POLICY).stream()
                .filter(f -> f.policy() != null)
                .sorted(Comparator.comparing(Finding::entity).thenComparing(f -> f.subject() == null ? "" : f.subject()))
                .toList();
        Map<String, String> rolePolicy = new HashMap<>();
        all.stream().filter(f -> f.subject() == null).forEach(f -> rolePolicy.put(f.entity(), f.policy()));
        Map<String, List<String>> same = new HashMap<>();
        List<Finding> shown = new ArrayList<>();
        for (Finding f : all) {
            if (f.subject() != null && f.policy().equals(rolePolicy.get(f.entity()))) {
                same.computeIfAbsent(f.entity(), e -> new ArrayList<>()).add(f.subject());
            } else {
                shown.add(f);
            }
        }
        return shown.stream().map(f -> new Policy(f, f.subject() == null
                ? same.getOrDefault(f.entity(), List.of()) : List.of())).toList();
    }

    /** The finding's evidence lines, its actions grouped per service, riskiest first (for Markdown). */
    static List<String> groupedEvidence(Finding finding) {
        List<String> lines = new ArrayList<>(finding.evidence());
        ActionUsage actions = finding.actions();
        if (actions != null) {
            for (ServiceActions group : ServiceActions.of(actions.unused())) {
                lines.add(group.summary("unused") + ": " + String.join(", ", group.actions()));
            }
            if (!actions.used().isEmpty()) {
                lines.add("used: " + String.join(", ", actions.used()));
            }
            if (!actions.notObservable().isEmpty()) {
                lines.add("not observable in CloudTrail: " + String.join(", ", actions.notObservable()));
            }
        }
        return lines;
    }

    /** The kinds that get a section of their own (policies have theirs at the end). */
    static List<FindingKind> sectionKinds() {
        return Arrays.stream(FindingKind.values()).filter(k -> k != FindingKind.LEAST_PRIVILEGE_POLICY).toList();
    }

    /** {@code 111122223333:role/Admin} for an IAM ARN; anything else as it is. */
    static String shortArn(String arn) {
        if (arn == null) {
            return "";
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && !parts[4].isEmpty() ? parts[4] + ":" + parts[5] : arn;
    }

    /** The anchor of an access path, the same in the graph, its table and the alerts that link to it. */
    static String edgeId(String assumer, String role) {
        return anchor("edge", assumer + "\u0000" + role);
    }

    /** The anchor of an alert's row: made of hex digits whatever the id holds (an id read back may be anything). */
    static String alertId(String id) {
        return anchor("alert", id);
    }

    /** The anchor of a finding's row. */
    static String findingId(String id) {
        return anchor("finding", id);
    }

    private static String anchor(String prefix, String name) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return prefix + "-" + Long.toHexString(id.getMostSignificantBits() & Long.MAX_VALUE);
    }
}
