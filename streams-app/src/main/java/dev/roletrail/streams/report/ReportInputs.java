package dev.roletrail.streams.report;

import java.time.Instant;
import java.util.List;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.profile.AccessEdge;

/**
 * What a weekly report is built from, gathered from every instance's state stores.
 *
 * @param findings current findings (open and resolved; the builder keeps the open ones)
 * @param edges    observed access paths
 * @param alerts        recent alerts, of the week and the week before (the builder keeps those of the week and counts
 *                      last week's)
 * @param observedSince the earliest event time RoleTrail has seen (the data span's start), or null when unknown:
 *                      what "not seen" means, and whether the state reaches back to last week
 * @param identities    the identity inventory as it stands now (the identities store)
 */
public record ReportInputs(List<Finding> findings, List<AccessEdge> edges, List<Alert> alerts,
        Instant observedSince, List<Identity> identities) {

    public ReportInputs {
        findings = findings == null ? List.of() : List.copyOf(findings);
        edges = edges == null ? List.of() : List.copyOf(edges);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    /** Inputs without the identity inventory. */
    public ReportInputs(List<Finding> findings, List<AccessEdge> edges, List<Alert> alerts, Instant observedSince) {
        this(findings, edges, alerts, observedSince, List.of());
    }

    /** Inputs without knowing when observations began. */
    public ReportInputs(List<Finding> findings, List<AccessEdge> edges, List<Alert> alerts) {
        this(findings, edges, alerts, null);
    }
}
