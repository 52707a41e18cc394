package dev.roletrail.streams.report;

import java.util.List;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.streams.identity.AccessEdge;

/**
 * The weekly report as one self-contained HTML file: inline CSS and SVG, no script, no external resource (the
 * Content-Security-Policy forbids loading any), so it opens the same from a mail attachment, S3 or a laptop. Every
 * value from CloudTrail passes through {@link HtmlText#escape(String)}.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1d2330;max-width:1240px}
            h1{font-size:24px;margin-bottom:4px}h2{margin-top:32px;border-bottom:2px solid #dde3ec;padding-bottom:4px}
            .period{color:#5a6475;margin-top:0}table{border-collapse:collapse;width:100%;margin:8px 0 16px}
            th,td{border:1px solid #d4dae4;padding:5px 8px;text-align:left;vertical-align:top;font-size:13px;overflow-wrap:anywhere}
            th{background:#eef2f7;overflow-wrap:normal}td[class^=sev-]{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .up{color:#b42318}.down{color:#067647}.sev-CRITICAL,.sev-HIGH{color:#b42318;font-weight:600}
            .sev-MEDIUM{color:#b54708}.none{color:#5a6475;font-style:italic}ul{margin:0;padding-left:18px}
            pre{background:#f6f8fa;border:1px solid #d4dae4;padding:10px;overflow:auto;font-size:12px}
            svg.access-graph{border:1px solid #d4dae4;background:#fbfcfe;max-width:100%;height:auto}
            .node rect{fill:#e8f0fe;stroke:#4a6fa5}.node.role rect{fill:#fff4e5;stroke:#b7791f}
            .node text{font-size:12px;font-family:ui-monospace,monospace;fill:#1d2330}
            .edge path{fill:none;stroke:#6b7a90;stroke-width:1.5}.edge text{font-size:11px;fill:#3d4757;paint-order:stroke;stroke:#fbfcfe;stroke-width:3px}
            .edge.cross-account path{stroke:#c0392b;stroke-dasharray:6 4;stroke-width:2}.edge.cross-account text{fill:#c0392b}
            .column{font-weight:600;font-size:13px;fill:#5a6475}.legend span{margin-right:18px;font-size:13px}
            """;

    private HtmlReport() {
    }

    public static String render(WeeklyReport report) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'\">\n")
                .append("<title>").append(esc(ReportText.title(report))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style></head>\n<body>\n")
                .append("<h1>").append(esc(ReportText.title(report))).append("</h1>\n")
                .append("<p class=\"period\">").append(esc(ReportText.period(report))).append("</p>\n");
        summary(html, report);
        html.append("<h2 id=\"findings\">Findings</h2>\n");
        for (FindingKind kind : ReportText.sectionKinds()) {
            findings(html, report, kind, report.findings(kind));
        }
        graph(html, report.edges());
        alerts(html, report);
        policies(html, ReportText.policies(report));
        return html.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder html, WeeklyReport report) {
        html.append("<h2 id=\"summary\">Summary</h2>\n<table id=\"summary-table\"><thead><tr><th>Item</th>"
                + "<th>This week</th><th>Last week</th><th>Change</th></tr></thead><tbody>\n");
        for (SummaryLine line : report.summary()) {
            Long change = line.change();
            String trend = change == null || change == 0 ? "" : change > 0 ? " up" : " down";
            html.append("<tr><td>").append(esc(line.item())).append("</td><td class=\"num\">").append(line.count())
                    .append("</td><td class=\"num\">").append(esc(ReportText.previous(line)))
                    .append("</td><td class=\"num").append(trend).append("\">").append(esc(ReportText.change(line)))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void findings(StringBuilder html, WeeklyReport report, FindingKind kind,
            List<Finding> findings) {
        html.append("<h3 id=\"").append(kind.id()).append("\">").append(esc(ReportText.kindTitle(kind)))
                .append(" (").append(findings.size()).append(")</h3>\n");
        if (findings.isEmpty()) {
            html.append("<p class=\"none\">None this week.</p>\n");
            return;
        }
        html.append("<table class=\"findings\" data-kind=\"").append(kind.id()).append("\"><thead><tr>"
                + "<th>Severity</th><th>Entity</th><th>Subject</th><th>Account</th><th>Last used</th>"
                + "<th>Evidence</th><th>Remediation</th></tr></thead><tbody>\n");
        for (Finding f : findings) {
            html.append("<tr><td class=\"sev-").append(f.severity()).append("\">").append(f.severity())
                    .append("</td><td>").append(esc(f.entity())).append("</td><td>").append(esc(f.subject()))
                    .append("</td><td>").append(esc(f.account())).append("</td><td>")
                    .append(esc(report.lastUse(f))).append("</td><td><ul>");
            for (String line : ReportText.evidence(f)) {
                html.append("<li>").append(esc(line)).append("</li>");
            }
            html.append("</ul></td><td>").append(esc(f.remediation())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void graph(StringBuilder html, List<AccessEdge> edges) {
        html.append("<h2 id=\"access-graph\">Access graph</h2>\n<p class=\"legend\"><span>")
                .append(edges.size()).append(" observed paths")
                .append(edges.size() > AccessGraphSvg.MAX_EDGES ? ", the " + AccessGraphSvg.MAX_EDGES
                        + " most used drawn" : "")
                .append("</span><span>— same account</span><span style=\"color:#c0392b\">- - cross-account</span>"
                        + "<span>label: uses to date · last use</span></p>\n")
                .append(AccessGraphSvg.render(edges));
        html.append("<table id=\"edges-table\"><thead><tr><th>Assumer</th><th>Role</th><th>How</th>"
                + "<th>Cross-account</th><th>Uses</th><th>First use</th><th>Last use</th></tr></thead><tbody>\n");
        for (AccessEdge e : edges) {
            html.append("<tr><td>").append(esc(e.assumer())).append("</td><td>").append(esc(e.role()))
                    .append("</td><td>").append(esc(e.how())).append("</td><td>")
                    .append(e.crossAccount() ? "yes" : "no").append("</td><td class=\"num\">").append(e.uses())
                    .append("</td><td>").append(esc(ReportText.time(e.firstUsed()))).append("</td><td>")
                    .append(esc(ReportText.time(e.lastUsed()))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void alerts(StringBuilder html, WeeklyReport report) {
        html.append("<h2 id=\"alerts\">Alerts of the week (").append(report.alertsTotal()).append(")</h2>\n");
        if (report.alerts().isEmpty()) {
            html.append("<p class=\"none\">None this week.</p>\n");
            return;
        }
        html.append("<table id=\"alerts-table\"><thead><tr><th>Severity</th><th>Detector</th><th>Title</th>"
                + "<th>Principal</th><th>Origin</th><th>Role</th><th>Network</th><th>User agent</th><th>First</th>"
                + "<th>Count</th></tr></thead><tbody>\n");
        for (Alert a : report.alerts()) {
            html.append("<tr><td class=\"sev-").append(a.severity()).append("\">").append(a.severity())
                    .append("</td><td>").append(esc(a.detector())).append("</td><td>").append(esc(a.title()))
                    .append("</td><td>").append(esc(a.principal())).append("</td><td>").append(esc(a.origin()))
                    .append("</td><td>").append(esc(a.role())).append("</td><td>").append(esc(a.sourceNetwork()))
                    .append("</td><td>").append(esc(a.userAgent())).append("</td><td>")
                    .append(esc(ReportText.time(a.firstEventTime()))).append("</td><td class=\"num\">")
                    .append(a.count()).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void policies(StringBuilder html, List<Finding> policies) {
        html.append("<h2 id=\"policies\">Least-privilege policies (").append(policies.size()).append(")</h2>\n");
        if (policies.isEmpty()) {
            html.append("<p class=\"none\">None this week.</p>\n");
        }
        for (Finding f : policies) {
            html.append("<h3 class=\"policy-for\">").append(esc(f.entity()))
                    .append(f.subject() == null ? "" : " for " + esc(f.subject())).append("</h3>\n")
                    .append("<pre class=\"policy\"><code>").append(esc(f.policy())).append("</code></pre>\n");
        }
    }

    private static String esc(String text) {
        return HtmlText.escape(text);
    }
}
