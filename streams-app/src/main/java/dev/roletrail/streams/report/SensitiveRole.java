package dev.roletrail.streams.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A break-glass or sensitive role of the report's scope: expected to sit unused, so its own section lists it (last
 * use, who, whether its use needs a review) rather than its unused-role and unused-permission findings.
 *
 * @param lastUsed  the latest use known (paths, alerts, findings), or null
 * @param assumers  who assumed it, with the last use: {@code arn:aws:iam::…:user/alice (2026-11-19)}
 * @param alerts    the week's alerts on it: {@code CRITICAL sensitive-role-assumed ×2}
 * @param findings  the kinds of its open findings, which this section stands for
 * @param usedThisWeek whether it was used during the week: that use wants a review
 */
public record SensitiveRole(String role, boolean breakGlass, Instant lastUsed, List<String> assumers,
        List<String> alerts, List<String> findings, boolean usedThisWeek) {

    public SensitiveRole {
        Objects.requireNonNull(role, "role");
        assumers = assumers == null ? List.of() : List.copyOf(assumers);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
