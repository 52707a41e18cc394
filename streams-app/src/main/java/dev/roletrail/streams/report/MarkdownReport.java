package dev.roletrail.streams.report;

import java.util.List;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.profile.AccessEdge;

/**
 * The weekly report as Markdown (GitHub flavour), for tickets and wikis. The access graph is a table here: Markdown
 * has no safe way to embed a picture inline. Every value from CloudTrail passes through
 * {@link MarkdownText#escape(String)}, ARNs and key ids through {@link MarkdownText#identifier(String)} (a code
 * span); policies go in fences no backtick run can close.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(WeeklyReport report) {
        StringBuilder md = new StringBuilder(8_192);
        md.append("# ").append(esc(ReportText.title(report))).append("\n\n")
                .append(esc(ReportText.period(report))).append("\n\n");
        atAGlance(md, report);
        md.append("## Summary\n\n")
                .append("| Item | This week | Last week | Change |\n|---|---:|---:|---:|\n");
        for (SummaryLine line : report.summary()) {
            md.append("| ").append(esc(line.item())).append(" | ").append(line.count()).append(" | ")
                    .append(esc(ReportText.previous(line))).append(" | ").append(esc(ReportText.change(line)))
                    .append(" |\n");
        }
        md.append("\n## Findings\n");
        for (FindingKind kind : ReportText.sectionKinds()) {
            findings(md, report, kind, report.sectionFindings(kind));
        }
        sensitiveRoles(md, report);
        identities(md, report.identityInventory());
        edges(md, report.edges());
        alerts(md, report);
        md.append("\n## Least-privilege policies\n");
        List<ReportText.Policy> policies = ReportText.policies(report);
        if (policies.isEmpty()) {
            md.append("\nNone this week.\n");
        }
        for (ReportText.Policy p : policies) {
            Finding f = p.finding();
            md.append("\n### ").append(id(f.entity())).append(f.subject() == null ? "" : " for " + id(f.subject()))
                    .append("\n\n");
            if (!p.sameForAssumers().isEmpty()) {
                md.append("The same for sessions assumed by: ")
                        .append(String.join(", ", p.sameForAssumers().stream().map(MarkdownReport::id).toList()))
                        .append("\n\n");
            }
            md.append(MarkdownText.fenced("json", f.policy()));
        }
        return md.toString();
    }

    /** The riskiest items and the charts' numbers as small tables (Markdown has no safe inline picture). */
    private static void atAGlance(StringBuilder md, WeeklyReport report) {
        md.append("## At a glance\n\n### The ").append(RiskiestItems.TOP).append(" riskiest items of the week\n\n")
                .append(esc(ReportText.RANKING)).append("\n\n");
        List<RiskyItem> items = report.riskiest();
        if (items.isEmpty()) {
            md.append("Nothing to rank: no alerts and no open findings.\n\n");
        } else {
            md.append("| # | Severity | What | Who or what | Account | When |\n|---:|---|---|---|---|---|\n");
            for (RiskyItem item : items) {
                md.append("| ").append(item.rank()).append(" | ").append(item.severity()).append(" | ")
                        .append(esc(item.title())).append(" (").append(item.type()).append(" · ")
                        .append(esc(item.what())).append(") | ").append(id(item.entity())).append(" | ")
                        .append(id(item.account())).append(" | ").append(esc(item.when())).append(" |\n");
            }
            md.append('\n');
        }
        if (!report.alertsPerDay().isEmpty()) {
            md.append("### Alerts per day by severity\n\n| Day (UTC) |");
            DayAlerts.URGENT_FIRST.forEach(s -> md.append(' ').append(s).append(" |"));
            md.append(" Total |\n|---|").append("---:|".repeat(DayAlerts.URGENT_FIRST.size() + 1)).append('\n');
            for (DayAlerts day : report.alertsPerDay()) {
                md.append("| ").append(day.day()).append(" |");
                DayAlerts.URGENT_FIRST.forEach(s -> md.append(' ').append(day.count(s)).append(" |"));
                md.append(' ').append(day.total()).append(" |\n");
            }
            md.append('\n');
        }
        if (!report.findingsTrend().isEmpty()) {
            md.append("### Open findings per kind at the end of each week\n\n| Week | Counted |");
            FindingsTrend.kinds().forEach(k -> md.append(' ').append(k.id()).append(" |"));
            md.append(" Total |\n|---|---|").append("---:|".repeat(FindingsTrend.kinds().size() + 1)).append('\n');
            for (WeekFindings week : report.findingsTrend()) {
                boolean known = week.source() != WeekFindings.Source.NOT_KNOWN;
                md.append("| ").append(week.week()).append(" | ").append(esc(week.source().words())).append(" |");
                FindingsTrend.kinds().forEach(k -> md.append(' ').append(known ? week.count(k.id()) : "?")
                        .append(" |"));
                md.append(' ').append(known ? week.total() : "?").append(" |\n");
            }
            md.append('\n').append(esc(ReportText.trendSources(report))).append("\n\n");
        }
    }

    private static void findings(StringBuilder md, WeeklyReport report, FindingKind kind,
            List<Finding> findings) {
        md.append("\n### ").append(esc(ReportText.kindTitle(kind))).append(" (").append(findings.size())
                .append(")\n\n");
        if (findings.isEmpty()) {
            md.append("None this week.\n");
            return;
        }
        md.append("| Severity | Entity | Subject | Account | Last used | Evidence | Remediation |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Finding f : findings) {
            md.append("| ").append(f.severity()).append(" | ").append(id(f.entity())).append(" | ")
                    .append(id(f.subject())).append(" | ").append(id(f.account())).append(" | ")
                    .append(esc(report.lastUse(f))).append(" | ")
                    .append(String.join("<br>", ReportText.groupedEvidence(f).stream().map(MarkdownReport::esc).toList()))
                    .append(" | ").append(esc(f.remediation())).append(" |\n");
        }
    }

    private static void sensitiveRoles(StringBuilder md, WeeklyReport report) {
        md.append("\n## Break-glass and sensitive roles (").append(report.sensitiveRoles().size())
                .append(")\n\nExpected to sit unused: their use is what to review, not their unused access.\n\n");
        if (report.sensitiveRoles().isEmpty()) {
            md.append("None this week.\n");
            return;
        }
        md.append("| Role | Kind | Last use | Who (last use, uses) | Alerts this week | Unused-access findings | Reviewed? |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (SensitiveRole r : report.sensitiveRoles()) {
            md.append("| ").append(id(r.role())).append(" | ").append(r.breakGlass() ? "break-glass" : "sensitive")
                    .append(" | ").append(esc(r.lastUsed() == null ? "not seen" : ReportText.time(r.lastUsed())))
                    .append(" | ").append(String.join("<br>", r.assumers().stream().map(MarkdownReport::esc).toList()))
                    .append(" | ").append(esc(String.join(", ", r.alerts()))).append(" | ")
                    .append(esc(String.join(", ", r.findings()))).append(" | ")
                    .append(r.usedThisWeek() ? "☐ used this week: confirm it was needed" : "not used this week")
                    .append(" |\n");
        }
    }

    private static void identities(StringBuilder md, IdentityInventory inventory) {
        md.append("\n## Identity inventory (").append(inventory.total()).append(")\n\n")
                .append(esc(ReportText.INVENTORY)).append("\n\n");
        if (inventory.total() == 0) {
            md.append("No identity in the inventory.\n");
            return;
        }
        List<String> credentials = ReportText.credentialKinds();
        md.append("| Kind | Identities |");
        credentials.forEach(c -> md.append(' ').append(esc(c)).append(" |"));
        md.append("\n|---|---:|").append("---:|".repeat(credentials.size())).append('\n');
        inventory.byKind().forEach((kind, count) -> {
            md.append("| ").append(esc(kind)).append(" | ").append(count).append(" |");
            inventory.byKindAndCredential().get(kind).values().forEach(n -> md.append(' ').append(n).append(" |"));
            md.append('\n');
        });
        if (subsection(md, ReportText.WITHOUT_OWNER, inventory.withoutOwner())) {
            md.append("| Identity | Type | Kind | Account | Owner | Credential | Last used | Evidence |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (Identity i : inventory.withoutOwner()) {
                md.append("| ").append(id(i.id())).append(" | ").append(i.type().id()).append(" | ")
                        .append(i.kind().id()).append(" | ").append(id(i.account())).append(" | ")
                        .append(esc(IdentityInventory.ownerWords(i))).append(" | ").append(i.credential().id())
                        .append(" | ").append(esc(ReportText.time(i.lastUsed()))).append(" | ")
                        .append(String.join("<br>", i.evidence().stream().map(MarkdownReport::esc).toList()))
                        .append(" |\n");
            }
        }
        if (subsection(md, ReportText.WORKLOADS_ON_KEYS, inventory.workloadsOnKeys())) {
            workloadsOnKeys(md, inventory.workloadsOnKeys());
        }
    }

    /** A {@code ###} heading with its count, and "None." when there is nothing under it; whether there is. */
    private static boolean subsection(StringBuilder md, String title, List<?> items) {
        md.append("\n### ").append(esc(title)).append(" (").append(items.size()).append(")\n\n");
        if (items.isEmpty()) {
            md.append("None.\n");
        }
        return !items.isEmpty();
    }

    private static void workloadsOnKeys(StringBuilder md, List<Identity> workloads) {
        md.append("| Identity | Type | Account | Owner | Credential | Created | Last used | Networks | Clients | "
                + "Reached roles |\n|---|---|---|---|---|---|---|---:|---:|---|\n");
        for (Identity i : workloads) {
            md.append("| ").append(id(i.id())).append(" | ").append(i.type().id()).append(" | ")
                    .append(id(i.account())).append(" | ").append(esc(IdentityInventory.ownerWords(i))).append(" | ")
                    .append(i.credential().id()).append(" | ").append(esc(IdentityInventory.createdWords(i)))
                    .append(" | ").append(esc(ReportText.time(i.lastUsed()))).append(" | ").append(i.networks())
                    .append(" | ").append(i.clients()).append(" | ")
                    .append(String.join("<br>", i.reachedRoles().stream().map(MarkdownReport::id).toList()))
                    .append(" |\n");
        }
    }

    private static void edges(StringBuilder md, List<AccessEdge> edges) {
        md.append("\n## Access graph\n\n");
        if (edges.isEmpty()) {
            md.append("No role assumptions observed.\n");
            return;
        }
        md.append("| Assumer | → Role | How | Cross-account | Uses | Last use |\n|---|---|---|---|---:|---|\n");
        for (AccessEdge e : edges) {
            md.append("| ").append(id(e.assumer())).append(" | ").append(id(e.role())).append(" | ")
                    .append(esc(e.how())).append(" | ").append(e.crossAccount() ? "**yes**" : "no").append(" | ")
                    .append(e.uses()).append(" | ").append(esc(ReportText.time(e.lastUsed()))).append(" |\n");
        }
    }

    private static void alerts(StringBuilder md, WeeklyReport report) {
        md.append("\n## Alerts of the week (").append(report.alertsTotal()).append(")\n\n");
        if (report.alerts().isEmpty()) {
            md.append("None this week.\n");
            return;
        }
        md.append("| Severity | Alert | Principal | Origin and chain | Role | Why: baseline broken | Runbook | "
                + "Network, user agent | First | Count |\n|---|---|---|---|---|---|---|---|---|---:|\n");
        for (Alert a : report.alerts()) {
            String why = (a.baseline() == null ? "" : "baseline: " + esc(a.baseline()))
                    + (a.baseline() != null && a.unusual() != null ? "<br>" : "")
                    + (a.unusual() == null ? "" : "broken by: " + esc(a.unusual()));
            String chain = a.chain().size() > 1
                    ? "<br>chain: " + String.join(" → ", a.chain().stream().map(MarkdownReport::id).toList()) : "";
            md.append("| ").append(a.severity()).append(" | ").append(esc(a.title())).append(" (")
                    .append(esc(a.detector())).append(") | ").append(id(a.principal())).append(" | ")
                    .append(id(a.origin())).append(chain).append(" | ").append(id(a.role())).append(" | ")
                    .append(why).append(" | ").append(esc(a.action())).append(" | ").append(esc(a.sourceNetwork()))
                    .append(a.userAgent() == null ? "" : "<br>" + esc(a.userAgent())).append(" | ")
                    .append(esc(ReportText.time(a.firstEventTime()))).append(" | ").append(a.count()).append(" |\n");
        }
    }

    private static String esc(String text) {
        return MarkdownText.escape(text);
    }

    private static String id(String text) {
        return MarkdownText.identifier(text);
    }
}
