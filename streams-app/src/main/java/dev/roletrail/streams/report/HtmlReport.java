package dev.roletrail.streams.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.profile.AccessEdge;

/**
 * The weekly report as one self-contained HTML file: inline CSS and SVG, no script, no external resource (the
 * Content-Security-Policy forbids loading any), so it opens the same from a mail attachment, S3 or a laptop. Every
 * value from CloudTrail passes through {@link HtmlText#escape(String)}.
 */
public final class HtmlReport {

    /**
     * Readable at 1,400 px and on A4: ARNs in monospace wrap only at their {@code <wbr>} after {@code :} and
     * {@code /}, as do the identities in findings' evidence (a dashed word kept whole); the dates of their last
     * use break only at spaces; other cells wrap anywhere rather than overflow; print drops the margins and keeps rows whole.
     */
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;padding:0 24px;color:#1d2330;max-width:1400px}
            h1{font-size:24px;margin-bottom:4px}h2{margin-top:32px;border-bottom:2px solid #dde3ec;padding-bottom:4px}
            .period{color:#5a6475;margin-top:0}table{border-collapse:collapse;width:100%;margin:8px 0 16px}
            th,td{border:1px solid #d4dae4;padding:5px 8px;text-align:left;vertical-align:top;font-size:13px;overflow-wrap:anywhere}
            th{background:#eef2f7;overflow-wrap:normal}td[class^=sev-],td.when,td.nw{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .arn{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:normal;word-break:normal;min-width:14ch}
            td.prose{min-width:18ch}.seg{white-space:nowrap}
            .up{color:#b42318}.down{color:#067647}.sev-CRITICAL,.sev-HIGH{color:#b42318;font-weight:600}
            .sev-MEDIUM{color:#b54708}.none{color:#5a6475;font-style:italic}ul{margin:0;padding-left:18px}
            details{margin:2px 0}summary{cursor:pointer}details code{font-size:12px}details ul{columns:2 22em}
            tr:target{background:#fff7d6}a{color:#1f5fa8}
            pre{background:#f6f8fa;border:1px solid #d4dae4;padding:10px;overflow:auto;font-size:12px;white-space:pre-wrap}
            div.graph{overflow-x:auto;margin:8px 0}svg.access-graph{border:1px solid #d4dae4;background:#fbfcfe;max-width:100%;height:auto}
            .account rect{fill:#f1f4f9;stroke:#c3ccd9}.account text{font-size:12px;font-weight:600;fill:#5a6475}
            .node rect{fill:#e8f0fe;stroke:#4a6fa5}.node.role rect{fill:#fff4e5;stroke:#b7791f}.node.more rect{fill:#fff;stroke:#8a94a6;stroke-dasharray:3 3}
            .node text{font-size:12px;font-family:ui-monospace,monospace;fill:#1d2330}
            .edge path{fill:none;stroke:#6b7a90;stroke-width:1.5}.edge text{font-size:11px;fill:#3d4757}
            .edge.cross-account path,.legend .cross-account{stroke:#c0392b;stroke-dasharray:6 4;stroke-width:2}.edge.cross-account text{fill:#c0392b}
            .edge[data-new] path,.legend .new{stroke:#067647;stroke-width:2.5}.edge[data-new] text{fill:#067647;font-weight:600}
            .edge[data-alert] path,.legend .alert{stroke:#d97706;stroke-width:3.5}.edge[data-alert] text{fill:#b54708;font-weight:700}
            .edge.more path,.legend .more{stroke:#8a94a6;stroke-dasharray:2 3}.edge.more text{fill:#5a6475;font-style:italic}
            .legend svg{vertical-align:middle;margin-right:4px}.legend line{stroke:#6b7a90;stroke-width:1.5}
            .column{font-weight:600;font-size:13px;fill:#5a6475}.legend span{margin-right:18px;font-size:13px}
            #riskiest-table td.rank{width:2ch;text-align:right;font-weight:600}.what{color:#5a6475;font-size:12px}
            .charts{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start;margin:8px 0 16px}figure{margin:0}
            figcaption{font-size:12px;color:#5a6475;max-width:680px;margin-top:4px}figcaption b{color:#1d2330}
            svg.chart{max-width:100%;height:auto;border:1px solid #d4dae4;background:#fff}
            svg.chart text{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:11px;fill:#3d4757}
            .chart .legend-text,.chart .axis-title{font-size:12px}.chart .axis-title{fill:#5a6475}
            .chart .total{font-weight:600;fill:#1d2330}
            .chart .zero .total,.chart .not-known .total{fill:#8a94a6;font-weight:400}
            .chart .label.sub{font-size:10px;fill:#5a6475}.chart .this-week .label{font-weight:600;fill:#1d2330}
            .chart .grid{stroke:#eef2f7}.chart .axis{stroke:#8a94a6}
            .chart .empty{font-size:13px;font-style:italic;fill:#5a6475}
            .chart .seg-count{font-size:10px;fill:#1d2330;paint-order:stroke;stroke:#fff;stroke-width:3px;
            stroke-linejoin:round}
            .chart .estimated .seg{fill-opacity:.45}.chart .placeholder{fill:none;stroke:#8a94a6;stroke-dasharray:4 3}
            .s-CRITICAL{fill:#7a271a}.s-HIGH{fill:#d92d20}.s-MEDIUM{fill:#f79009}.s-LOW{fill:#fac515}
            .s-INFORMATIONAL{fill:#98a2b3}
            .k-unused-role{fill:#4e79a7}.k-unused-trust-path{fill:#e15759}.k-unused-permissions{fill:#f28e2b}
            .k-dormant-key{fill:#76b7b2}.k-key-rotation-overdue{fill:#59a14f}.k-inactive-user{fill:#edc948}
            .k-shared-role{fill:#b07aa1}
            @media print{@page{size:A4;margin:12mm}body{margin:0;padding:0;max-width:none;font-size:11px}
            th,td{font-size:9.5px;padding:3px 4px}.arn{font-size:9px;min-width:0}td.prose{min-width:12ch}h2{break-after:avoid}
            figure{break-inside:avoid}
            tr{break-inside:avoid}div.graph{overflow:visible}svg.access-graph{width:100%;min-width:0!important}pre{font-size:9px}a{color:inherit;text-decoration:none}
            details::details-content{content-visibility:visible;display:block}}
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
        atAGlance(html, report);
        summary(html, report);
        html.append("<h2 id=\"findings\">Findings</h2>\n");
        for (FindingKind kind : ReportText.sectionKinds()) {
            findings(html, report, kind, report.sectionFindings(kind));
        }
        sensitiveRoles(html, report);
        identities(html, report.identityInventory());
        graph(html, report);
        alerts(html, report);
        policies(html, ReportText.policies(report));
        return html.append("</body></html>\n").toString();
    }

    /** The first screen: the week's riskiest items, linked to their rows, and the two charts. */
    private static void atAGlance(StringBuilder html, WeeklyReport report) {
        List<RiskyItem> items = report.riskiest();
        html.append("<h2 id=\"at-a-glance\">At a glance</h2>\n<h3 id=\"riskiest\">The ")
                .append(RiskiestItems.TOP).append(" riskiest items of the week</h3>\n<p class=\"legend\">")
                .append(esc(ReportText.RANKING)).append("</p>\n");
        if (items.isEmpty()) {
            html.append("<p class=\"none\">Nothing to rank: no alerts and no open findings.</p>\n");
        } else {
            html.append("<table id=\"riskiest-table\"><thead><tr><th>#</th><th>Severity</th><th>What</th>"
                    + "<th>Who or what</th><th>Account</th><th>When</th><th>Details</th></tr></thead><tbody>\n");
            for (RiskyItem item : items) {
                html.append("<tr><td class=\"rank\">").append(item.rank()).append("</td><td class=\"sev-")
                        .append(item.severity()).append("\">").append(item.severity()).append("</td><td><b>")
                        .append(esc(item.title())).append("</b><br><span class=\"what\">").append(item.type())
                        .append(" · ").append(esc(item.what())).append("</span></td><td class=\"arn\">")
                        .append(arn(item.entity())).append("</td><td class=\"nw\">").append(esc(item.account()))
                        .append("</td><td>").append(esc(item.when())).append("</td><td><a href=\"#")
                        .append(item.anchor()).append("\">").append(item.type()).append(" row</a></td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("<div class=\"charts\">\n<figure id=\"alerts-per-day\">");
        if (report.alertsPerDay().isEmpty()) {
            html.append("<p class=\"none\">Alerts per day: not kept in this report (written before charts).</p>");
        } else {
            html.append(AlertsPerDayChart.svg(report.alertsPerDay())).append("<figcaption><b>Alerts per day by "
                    + "severity</b>, counted on the day of their first event (UTC); each bar's total above it.")
                    .append("</figcaption>");
        }
        html.append("</figure>\n<figure id=\"findings-trend\">");
        if (report.findingsTrend().isEmpty()) {
            html.append("<p class=\"none\">Open findings per week: not kept in this report (written before "
                    + "charts).</p>");
        } else {
            html.append(FindingsTrendChart.svg(report.findingsTrend())).append("<figcaption><b>Open findings per "
                    + "kind</b> at the end of each week. ").append(esc(ReportText.trendSources(report)))
                    .append("</figcaption>");
        }
        html.append("</figure>\n</div>\n");
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
            html.append("<tr id=\"").append(ReportText.findingId(f.id())).append("\"><td class=\"sev-")
                    .append(f.severity()).append("\">").append(f.severity())
                    .append("</td><td class=\"arn\">").append(arn(f.entity())).append("</td><td class=\"arn\">")
                    .append(arn(f.subject())).append("</td><td class=\"nw\">").append(esc(f.account())).append("</td><td>")
                    .append(HtmlText.words(report.lastUse(f))).append("</td><td class=\"prose\"><ul>");
            for (String line : f.evidence()) {
                // Evidence names identities (web-identity subjects of 80 characters): wrapped between their parts.
                html.append("<li>").append(arn(line)).append("</li>");
            }
            html.append("</ul>");
            actions(html, f.actions());
            html.append("</td><td class=\"prose\">").append(esc(f.remediation())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    /** Unused actions per service, riskiest first, each service's list collapsed; then used and not observable. */
    private static void actions(StringBuilder html, ActionUsage actions) {
        if (actions == null) {
            return;
        }
        for (ServiceActions group : ServiceActions.of(actions.unused())) {
            details(html, group.summary("unused"), group.actions());
        }
        if (!actions.used().isEmpty()) {
            details(html, "used: " + actions.used().size(), actions.used());
        }
        if (!actions.notObservable().isEmpty()) {
            details(html, "not observable in CloudTrail: " + actions.notObservable().size(), actions.notObservable());
        }
    }

    private static void details(StringBuilder html, String summary, List<String> items) {
        html.append("<details class=\"actions\"><summary>").append(esc(summary)).append("</summary><ul>");
        for (String item : items) {
            html.append("<li><code>").append(esc(item)).append("</code></li>");
        }
        html.append("</ul></details>");
    }

    private static void sensitiveRoles(StringBuilder html, WeeklyReport report) {
        List<SensitiveRole> roles = report.sensitiveRoles();
        html.append("<h2 id=\"break-glass\">Break-glass and sensitive roles (").append(roles.size())
                .append(")</h2>\n<p class=\"legend\">Expected to sit unused: their use is what to review, not "
                        + "their unused access.</p>\n");
        if (roles.isEmpty()) {
            html.append("<p class=\"none\">None this week.</p>\n");
            return;
        }
        html.append("<table id=\"break-glass-table\"><thead><tr><th>Role</th><th>Kind</th><th>Last use</th>"
                + "<th>Who (last use, uses)</th><th>Alerts this week</th><th>Unused-access findings</th>"
                + "<th>Reviewed?</th></tr></thead><tbody>\n");
        for (SensitiveRole r : roles) {
            html.append("<tr><td class=\"arn\">").append(arn(r.role())).append("</td><td class=\"nw\">")
                    .append(r.breakGlass() ? "break-glass" : "sensitive").append("</td><td class=\"when\">")
                    .append(esc(r.lastUsed() == null ? "not seen" : ReportText.time(r.lastUsed())))
                    .append("</td><td class=\"arn\"><ul>");
            r.assumers().forEach(a -> html.append("<li>").append(arn(a)).append("</li>"));
            html.append("</ul></td><td>");
            if (!r.alerts().isEmpty()) {
                html.append("<a href=\"#alerts\">").append(esc(String.join(", ", r.alerts()))).append("</a>");
            }
            html.append("</td><td>").append(esc(String.join(", ", r.findings()))).append("</td><td>")
                    .append(r.usedThisWeek() ? "☐ used this week: confirm it was needed" : "not used this week")
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    /** Counts by kind and credential, then the identities to act on: no owner, or workloads on long-lived keys. */
    private static void identities(StringBuilder html, IdentityInventory inventory) {
        html.append("<h2 id=\"identity-inventory\">Identity inventory (").append(inventory.total())
                .append(")</h2>\n<p class=\"legend\">").append(esc(ReportText.INVENTORY)).append("</p>\n");
        if (inventory.total() == 0) {
            html.append("<p class=\"none\">No identity in the inventory.</p>\n");
            return;
        }
        html.append("<table id=\"identity-kinds-table\"><thead><tr><th>Kind</th><th>Identities</th>");
        ReportText.credentialKinds().forEach(c -> html.append("<th>").append(esc(c)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        inventory.byKind().forEach((kind, count) -> {
            html.append("<tr><td class=\"nw\">").append(esc(kind)).append("</td><td class=\"num\">").append(count)
                    .append("</td>");
            inventory.byKindAndCredential().get(kind).values()
                    .forEach(n -> html.append("<td class=\"num\">").append(n).append("</td>"));
            html.append("</tr>\n");
        });
        html.append("</tbody></table>\n");
        if (subsection(html, "identities-without-owner", ReportText.WITHOUT_OWNER, inventory.withoutOwner())) {
            html.append("<table id=\"identities-without-owner-table\"><thead><tr><th>Identity</th><th>Type</th>"
                    + "<th>Kind</th><th>Account</th><th>Owner</th><th>Credential</th><th>Last used</th>"
                    + "<th>Evidence</th></tr></thead><tbody>\n");
            for (Identity i : inventory.withoutOwner()) {
                html.append("<tr><td class=\"arn\">").append(arn(i.id())).append("</td><td class=\"nw\">")
                        .append(i.type().id()).append("</td><td class=\"nw\">").append(i.kind().id())
                        .append("</td><td class=\"nw\">").append(esc(i.account())).append("</td><td class=\"arn\">")
                        .append(arn(IdentityInventory.ownerWords(i))).append("</td><td>").append(i.credential().id())
                        .append("</td><td class=\"when\">").append(esc(ReportText.time(i.lastUsed())))
                        .append("</td><td class=\"prose\"><ul>");
                i.evidence().forEach(line -> html.append("<li>").append(arn(line)).append("</li>"));
                html.append("</ul></td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        if (subsection(html, "workloads-on-keys", ReportText.WORKLOADS_ON_KEYS, inventory.workloadsOnKeys())) {
            workloadsOnKeys(html, inventory.workloadsOnKeys());
        }
    }

    /** An {@code h3} with its count, and "None." when there is nothing under it; whether there is. */
    private static boolean subsection(StringBuilder html, String id, String title, List<?> items) {
        html.append("<h3 id=\"").append(id).append("\">").append(esc(title)).append(" (").append(items.size())
                .append(")</h3>\n");
        if (items.isEmpty()) {
            html.append("<p class=\"none\">None.</p>\n");
        }
        return !items.isEmpty();
    }

    private static void workloadsOnKeys(StringBuilder html, List<Identity> workloads) {
        html.append("<table id=\"workloads-on-keys-table\"><thead><tr><th>Identity</th><th>Type</th>"
                + "<th>Account</th><th>Owner</th><th>Credential</th><th>Created</th><th>Last used</th>"
                + "<th>Networks</th><th>Clients</th><th>Reached roles</th></tr></thead><tbody>\n");
        for (Identity i : workloads) {
            html.append("<tr><td class=\"arn\">").append(arn(i.id())).append("</td><td class=\"nw\">")
                    .append(i.type().id()).append("</td><td class=\"nw\">").append(esc(i.account()))
                    .append("</td><td class=\"arn\">").append(arn(IdentityInventory.ownerWords(i)))
                    .append("</td><td>").append(i.credential().id()).append("</td><td class=\"when\">")
                    .append(esc(IdentityInventory.createdWords(i))).append("</td><td class=\"when\">")
                    .append(esc(ReportText.time(i.lastUsed()))).append("</td><td class=\"num\">").append(i.networks())
                    .append("</td><td class=\"num\">").append(i.clients()).append("</td><td class=\"arn\"><ul>");
            i.reachedRoles().forEach(role -> html.append("<li>").append(arn(role)).append("</li>"));
            html.append("</ul></td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void graph(StringBuilder html, WeeklyReport report) {
        List<AccessEdge> edges = report.edges();
        Set<String> alerted = new HashSet<>();
        report.alerts().stream().filter(a -> a.role() != null && a.principal() != null)
                .forEach(a -> alerted.add(ReportText.edgeId(a.principal(), a.role())));
        AccessGraphSvg.Layout layout = AccessGraphSvg.layout(edges, report.periodStart(), alerted);
        html.append("<h2 id=\"access-graph\">Access graph</h2>\n<p class=\"legend\"><span>")
                .append(edges.size()).append(" observed paths")
                .append(layout.collapsed() > 0 ? ", the " + (edges.size() - layout.collapsed())
                        + " most used drawn, each assumer's other paths as one \"N more\" edge" : "")
                .append("</span><span>").append(swatch("")).append("same account</span><span>")
                .append(swatch("cross-account")).append("cross-account</span><span>").append(swatch("new"))
                .append("new this week</span><span>").append(swatch("alert")).append("raised an alert</span>")
                .append(layout.collapsed() > 0 ? "<span>" + swatch("more") + "N more: paths used less</span>" : "")
                .append("<span>label: uses to date · last use; boxes: accounts; click a node for its paths</span></p>\n")
                .append("<div class=\"graph\">").append(AccessGraphSvg.svg(layout)).append("</div>\n");
        html.append("<table id=\"edges-table\"><thead><tr><th>Assumer</th><th>Role</th><th>How</th>"
                + "<th>Cross-account</th><th>Uses</th><th>First use</th><th>Last use</th></tr></thead><tbody>\n");
        for (AccessEdge e : edges) {
            html.append("<tr id=\"").append(ReportText.edgeId(e.assumer(), e.role())).append("\"><td class=\"arn\">")
                    .append(arn(e.assumer())).append("</td><td class=\"arn\">").append(arn(e.role()))
                    .append("</td><td>").append(esc(e.how())).append("</td><td>")
                    .append(e.crossAccount() ? "yes" : "no").append("</td><td class=\"num\">").append(e.uses())
                    .append("</td><td class=\"when\">").append(esc(ReportText.time(e.firstUsed())))
                    .append("</td><td class=\"when\">").append(esc(ReportText.time(e.lastUsed())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void alerts(StringBuilder html, WeeklyReport report) {
        html.append("<h2 id=\"alerts\">Alerts of the week (").append(report.alertsTotal()).append(")</h2>\n");
        if (report.alerts().isEmpty()) {
            html.append("<p class=\"none\">None this week.</p>\n");
            return;
        }
        html.append("<table id=\"alerts-table\"><thead><tr><th>Severity</th><th>Alert</th><th>Principal</th>"
                + "<th>Origin and chain</th><th>Role</th><th>Why: baseline broken</th><th>Runbook</th>"
                + "<th>Network, user agent</th><th>First</th><th>Count</th><th>Path</th></tr></thead><tbody>\n");
        Set<String> paths = new HashSet<>();
        report.edges().forEach(e -> paths.add(ReportText.edgeId(e.assumer(), e.role())));
        for (Alert a : report.alerts()) {
            html.append("<tr id=\"").append(ReportText.alertId(a.id())).append("\"><td class=\"sev-")
                    .append(a.severity()).append("\">").append(a.severity())
                    .append("</td><td><b>").append(esc(a.title())).append("</b><br>").append(esc(a.detector()))
                    .append("</td><td class=\"arn\">").append(arn(a.principal())).append("</td><td class=\"arn\">")
                    .append(arn(a.origin()));
            if (a.chain().size() > 1 || a.chain().size() == 1 && !a.chain().get(0).equals(a.origin())) {
                html.append("<br>chain: ").append(arn(String.join(" → ", a.chain())));
            }
            html.append("</td><td class=\"arn\">").append(arn(a.role())).append("</td><td>");
            if (a.baseline() != null) {
                html.append("baseline: ").append(esc(a.baseline()));
            }
            if (a.unusual() != null) {
                html.append(a.baseline() == null ? "" : "<br>").append("broken by: ").append(esc(a.unusual()));
            }
            html.append("</td><td>").append(esc(a.action())).append("</td><td>").append(esc(a.sourceNetwork()))
                    .append(a.userAgent() == null ? "" : "<br>" + esc(a.userAgent())).append("</td><td class=\"when\">")
                    .append(esc(ReportText.time(a.firstEventTime()))).append("</td><td class=\"num\">")
                    .append(a.count()).append("</td><td>");
            String path = a.role() == null ? null : ReportText.edgeId(a.principal(), a.role());
            if (path != null && paths.contains(path)) {
                html.append("<a href=\"#").append(path).append("\">path</a>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void policies(StringBuilder html, List<ReportText.Policy> policies) {
        html.append("<h2 id=\"policies\">Least-privilege policies (").append(policies.size()).append(")</h2>\n");
        if (policies.isEmpty()) {
            html.append("<p class=\"none\">None this week.</p>\n");
        }
        for (ReportText.Policy p : policies) {
            Finding f = p.finding();
            html.append("<h3 class=\"policy-for arn\">").append(arn(f.entity()))
                    .append(f.subject() == null ? "" : " for " + arn(f.subject())).append("</h3>\n");
            if (!p.sameForAssumers().isEmpty()) {
                html.append("<p class=\"arn\">The same for sessions assumed by: ")
                        .append(arn(String.join(", ", p.sameForAssumers()))).append("</p>\n");
            }
            html.append("<pre class=\"policy\"><code>").append(esc(f.policy())).append("</code></pre>\n");
        }
    }

    private static String swatch(String kind) {
        return "<svg width=\"28\" height=\"8\" aria-hidden=\"true\"><line class=\"" + kind
                + "\" x1=\"0\" y1=\"4\" x2=\"28\" y2=\"4\"/></svg>";
    }

    private static String esc(String text) {
        return HtmlText.escape(text);
    }

    private static String arn(String text) {
        return HtmlText.arn(text);
    }
}
