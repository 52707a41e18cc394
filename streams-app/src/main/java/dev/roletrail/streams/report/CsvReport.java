package dev.roletrail.streams.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.profile.AccessEdge;

/**
 * The weekly report as one CSV table for spreadsheets: a row per summary line, riskiest item (count: its rank), day
 * and severity of the alerts chart, week and kind of the findings trend (title: the day or week; count empty where
 * not known), finding, access path, identity-inventory count ({@code identity-kind}, {@code identity-kind-credential}),
 * identity and alert, told apart by the {@code record} column. Every text cell passes
 * through {@link CsvCell#text(String)}, which quotes it
 * and neutralises formulas.
 */
public final class CsvReport {

    static final String HEADER = "record,kind,severity,account,entity,subject,title,last_used,count,detail";

    private CsvReport() {
    }

    public static String render(WeeklyReport report) {
        StringBuilder csv = new StringBuilder(8_192).append(HEADER).append("\r\n");
        for (SummaryLine line : report.summary()) {
            row(csv, "summary", line.item(), null, scopeAccount(report), null, null, null, null, line.count(),
                    "previous week: " + ReportText.previous(line) + "; change: " + ReportText.change(line));
        }
        for (RiskyItem item : report.riskiest()) {
            row(csv, "riskiest", item.type() + " " + item.what(), item.severity().name(), item.account(),
                    item.entity(), null, item.title(), null, (long) item.rank(), item.when());
        }
        for (DayAlerts day : report.alertsPerDay()) {
            for (Severity severity : DayAlerts.URGENT_FIRST) {
                row(csv, "alerts-per-day", severity.name(), severity.name(), null, null, null, day.day().toString(),
                        null, day.count(severity), null);
            }
        }
        for (WeekFindings week : report.findingsTrend()) {
            for (FindingKind kind : FindingsTrend.kinds()) {
                boolean known = week.source() != WeekFindings.Source.NOT_KNOWN;
                row(csv, "findings-trend", kind.id(), null, null, null, null, week.week(), null,
                        known ? week.count(kind.id()) : null, week.source().words());
            }
        }
        for (Finding f : report.findings()) {
            String detail = String.join("; ", ReportText.evidence(f))
                    + (f.remediation() == null ? "" : "; remediation: " + f.remediation())
                    + (f.policy() == null ? "" : "; policy: " + f.policy());
            row(csv, "finding", f.kind().id(), f.severity().name(), f.account(), f.entity(), f.subject(), f.title(),
                    report.lastUse(f), null, detail);
        }
        for (AccessEdge e : report.edges()) {
            row(csv, "access-path", e.crossAccount() ? "cross-account" : "same-account", null, null, e.assumer(),
                    e.role(), e.how(), ReportText.time(e.lastUsed()), e.uses(), "first use " + ReportText.time(e.firstUsed()));
        }
        identities(csv, report);
        for (Alert a : report.alerts()) {
            row(csv, "alert", a.detector(), a.severity().name(), a.account(), a.principal(), a.role(), a.title(),
                    ReportText.time(a.lastEventTime()), a.count(), "origin " + a.origin() + "; network "
                            + a.sourceNetwork() + "; user agent " + a.userAgent());
        }
        return csv.toString();
    }

    /**
     * The inventory's counts (by kind; by kind and credential kind where not zero), then every identity: entity its
     * id, subject its owner, title its type and credential.
     */
    private static void identities(StringBuilder csv, WeeklyReport report) {
        IdentityInventory inventory = report.identityInventory();
        inventory.byKind().forEach((kind, count) -> row(csv, "identity-kind", kind, null, scopeAccount(report), null,
                null, null, null, count, null));
        inventory.byKindAndCredential().forEach((kind, counts) -> counts.forEach((credential, count) -> {
            if (count > 0) {
                row(csv, "identity-kind-credential", kind, null, scopeAccount(report), null, null, credential, null,
                        count, null);
            }
        }));
        for (Identity i : report.identities()) {
            List<String> detail = new ArrayList<>();
            if (i.owner() == null || IdentityInventory.orphaned(i)) {
                detail.add(ReportText.WITHOUT_OWNER.toLowerCase(Locale.ROOT));
            }
            if (IdentityInventory.workloadOnKey(i)) {
                detail.add("workload on a long-lived key");
            }
            detail.add("owner " + IdentityInventory.ownerWords(i));
            detail.add("parent " + (i.parent() == null ? "none" : i.parent()));
            detail.add("created " + IdentityInventory.createdWords(i));
            detail.add("first used " + ReportText.time(i.firstUsed()));
            detail.add("last rotated " + ReportText.time(i.lastRotated()));
            detail.add("networks " + i.networks());
            detail.add("clients " + i.clients());
            detail.add("reachable roles " + String.join(" ", i.reachableRoles()));
            detail.add("reached roles " + String.join(" ", i.reachedRoles()));
            detail.add("evidence: " + String.join(" / ", i.evidence()));
            row(csv, "identity", i.kind().id(), null, i.account(), i.id(), i.owner(),
                    i.type().id() + " · " + i.credential().id(), ReportText.time(i.lastUsed()), null,
                    String.join("; ", detail));
        }
    }

    private static String scopeAccount(WeeklyReport report) {
        return WeeklyReport.ORG.equals(report.scope()) ? null : report.scope();
    }

    private static void row(StringBuilder csv, String record, String kind, String severity, String account,
            String entity, String subject, String title, String lastUsed, Long count, String detail) {
        List<String> cells = List.of(CsvCell.text(record), CsvCell.text(kind), CsvCell.text(severity),
                CsvCell.text(account), CsvCell.text(entity), CsvCell.text(subject), CsvCell.text(title),
                CsvCell.text(lastUsed), count == null ? "" : CsvCell.number(count), CsvCell.text(detail));
        csv.append(String.join(",", cells)).append("\r\n");
    }
}
