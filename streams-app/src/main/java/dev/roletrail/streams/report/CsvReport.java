package dev.roletrail.streams.report;

import java.util.List;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.streams.profile.AccessEdge;

/**
 * The weekly report as one CSV table for spreadsheets: a row per summary line, riskiest item (count: its rank), day
 * and severity of the alerts chart, week and kind of the findings trend (title: the day or week; count empty where
 * not known), finding, access path and alert, told apart by the {@code record} column. Every text cell passes
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
        for (Alert a : report.alerts()) {
            row(csv, "alert", a.detector(), a.severity().name(), a.account(), a.principal(), a.role(), a.title(),
                    ReportText.time(a.lastEventTime()), a.count(), "origin " + a.origin() + "; network "
                            + a.sourceNetwork() + "; user agent " + a.userAgent());
        }
        return csv.toString();
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
