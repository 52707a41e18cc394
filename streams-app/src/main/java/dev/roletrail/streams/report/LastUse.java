package dev.roletrail.streams.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.streams.profile.AccessEdge;

/**
 * The last use of what a finding is about, as far as the report's state knows it. A finding keeps the last use of its
 * evaluation, and some kinds keep none (a policy or a shared role in daily use would otherwise change every day);
 * the access paths and alerts often know a later one:
 * <pre>
 * last use(f) = max(f.lastUsed, last use of the paths to or from f.entity, last alert on it)   role, user findings
 *             = max(f.lastUsed, last use of the path f.subject → f.entity)                      per-assumer policy,
 *                                                                                              trust path
 *             = f.lastUsed                                                   unused permissions (of those actions)
 * </pre>
 * An unused-permissions finding's words also give its entity's own last use where the state knows it.
 * Worded as a time; or, with none, {@code never} where the finding says there was none in a tracking period RoleTrail
 * watched whole, else {@code not seen since tracking began (DATE)}.
 */
final class LastUse {

    /** Kinds whose finding says there was no use in the period. */
    private static final Set<FindingKind> ASSERTS_NO_USE = Set.of(FindingKind.UNUSED_ROLE,
            FindingKind.UNUSED_TRUST_PATH, FindingKind.UNUSED_PERMISSIONS, FindingKind.DORMANT_KEY,
            FindingKind.INACTIVE_USER);
    /** Kinds whose last use is the entity's own. */
    private static final Set<FindingKind> ENTITY_USE = Set.of(FindingKind.UNUSED_ROLE, FindingKind.INACTIVE_USER,
            FindingKind.SHARED_ROLE, FindingKind.LEAST_PRIVILEGE_POLICY);

    private final Map<String, Instant> entities = new HashMap<>();
    private final Map<String, Instant> paths = new HashMap<>();
    private final Instant observedSince;

    /**
     * @param edges         the access paths of the report
     * @param alerts        alerts up to the report's end
     * @param observedSince the earliest event time RoleTrail has seen, or null
     */
    LastUse(List<AccessEdge> edges, List<Alert> alerts, Instant observedSince) {
        this.observedSince = observedSince;
        for (AccessEdge edge : edges) {
            seen(entities, edge.role(), edge.lastUsed());
            seen(entities, edge.assumer(), edge.lastUsed());
            seen(paths, AccessEdge.key(edge.assumer(), edge.role()), edge.lastUsed());
        }
        for (Alert alert : alerts) {
            seen(entities, alert.principal(), alert.lastEventTime());
            if (alert.role() != null) {
                seen(entities, alert.role(), alert.lastEventTime());
            }
        }
    }

    /** The finding with the latest use the state knows of. */
    Finding enrich(Finding f) {
        Instant known = f.lastUsed();
        if (f.subject() != null && f.kind() != FindingKind.UNUSED_PERMISSIONS) {
            known = latest(known, paths.get(AccessEdge.key(f.subject(), f.entity())));
        } else if (ENTITY_USE.contains(f.kind())) {
            known = latest(known, entities.get(f.entity()));
        }
        if (known == f.lastUsed()) {
            return f;
        }
        return new Finding(f.id(), f.kind(), f.status(), f.severity(), f.title(), f.account(), f.entity(),
                f.entityType(), f.subject(), f.periodStart(), f.periodEnd(), known, f.evidence(), f.remediation(),
                f.actions(), f.policy());
    }

    /**
     * The enriched finding's last use in words. Unused permissions are about their actions, but a reader takes the
     * column for the entity's: when the entity's own use is known, both are said.
     */
    String words(Finding f) {
        String words = findingWords(f);
        Instant entityUse = entities.get(f.entity());
        if (f.kind() == FindingKind.UNUSED_PERMISSIONS && entityUse != null) {
            return "these actions " + words + "; " + f.entityType() + " last used " + ReportText.time(entityUse);
        }
        return words;
    }

    private String findingWords(Finding f) {
        if (f.lastUsed() != null) {
            return ReportText.time(f.lastUsed());
        }
        boolean watchedWhole = observedSince == null
                || f.periodStart() != null && !observedSince.isAfter(f.periodStart());
        if (ASSERTS_NO_USE.contains(f.kind()) && watchedWhole) {
            return "never";
        }
        return observedSince == null ? "not seen" : "not seen since tracking began (" + ReportText.day(observedSince)
                + ")";
    }

    private static void seen(Map<String, Instant> uses, String key, Instant at) {
        if (key != null && at != null) {
            uses.merge(key, at, LastUse::latest);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
