package dev.roletrail.streams.report;

import java.util.List;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.streams.identity.AccessEdge;

/**
 * What a weekly report is built from, gathered from every instance's state stores.
 *
 * @param findings current findings (open and resolved; the builder keeps the open ones)
 * @param edges    observed access paths
 * @param alerts   recent alerts (the builder keeps those of the week)
 */
public record ReportInputs(List<Finding> findings, List<AccessEdge> edges, List<Alert> alerts) {

    public ReportInputs {
        findings = findings == null ? List.of() : List.copyOf(findings);
        edges = edges == null ? List.of() : List.copyOf(edges);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }
}
