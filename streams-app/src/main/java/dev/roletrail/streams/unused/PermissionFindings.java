package dev.roletrail.streams.unused;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.streams.unused.FindingFactory.Target;
import dev.roletrail.streams.unused.policy.ActionCatalog;
import dev.roletrail.streams.unused.policy.GrantedActions;
import dev.roletrail.streams.unused.policy.LeastPrivilegePolicy;
import dev.roletrail.streams.unused.policy.PolicyDocument;
import dev.roletrail.streams.unused.policy.PolicyExpander;

/**
 * {@code unused-permissions}: granted actions never used in the period, per role or user, kept apart from those
 * CloudTrail cannot observe. {@code least-privilege-policy}: a policy of exactly the actions a role used, for the role
 * and for each assumer whose sessions used it.
 */
final class PermissionFindings {

    static final String UNUSED_REMEDIATION = "Remove the unused actions from the policies (the used ones are listed); "
            + "check the not-observable ones by hand, since CloudTrail does not log them as management events.";
    static final String POLICY_REMEDIATION = "Review the generated policy, narrow its resources, add what CloudTrail "
            + "cannot observe and the workload needs, then replace the broader policies with it.";

    private final ActionCatalog catalog;
    private final PolicyExpander expander;

    PermissionFindings(ActionCatalog catalog) {
        this.catalog = catalog;
        this.expander = new PolicyExpander(catalog);
    }

    GrantedActions granted(PolicyDocument policy) {
        return expander.expand(policy);
    }

    Optional<Finding> unused(Target target, GrantedActions granted, EntityUsage usage, Evaluation e) {
        ActionUsage split = granted.classify(RecentItems.since(usage.actions(), e.periodStart()), catalog);
        if (split.unused().isEmpty()) {
            return Optional.empty();
        }
        boolean permissionsManagement = split.unused().stream().anyMatch(action -> catalog.find(action)
                .map(a -> a.accessLevel().equals("Permissions management")).orElse(false));
        List<String> evidence = List.of(
                split.unused().size() + " granted actions unused in the last " + e.periodDays() + " days, "
                        + split.used().size() + " used",
                split.notObservable().size() + " granted actions not observable in CloudTrail management events");
        return Optional.of(FindingFactory.open(FindingKind.UNUSED_PERMISSIONS,
                permissionsManagement ? Severity.MEDIUM : Severity.LOW,
                "Granted permissions unused in the last " + e.periodDays() + " days", target, e.periodStart(), e.at(),
                lastUseOf(split.unused(), usage), evidence, UNUSED_REMEDIATION, split, null));
    }

    /** The latest use of any of the actions, before the period: it stays put while they stay unused. */
    private static java.time.Instant lastUseOf(List<String> actions, EntityUsage usage) {
        java.time.Instant latest = null;
        for (String action : actions) {
            latest = RecentItems.latest(latest, usage.actions().get(action));
        }
        return latest;
    }

    /** The role's policy, then one per assumer whose sessions used actions in the period. */
    List<Finding> leastPrivilege(Target role, GrantedActions granted, EntityUsage usage,
            List<AssumerActions> assumers, Evaluation e) {
        List<Finding> findings = new ArrayList<>();
        proposal(role, granted, RecentItems.since(usage.actions(), e.periodStart()), e)
                .ifPresent(findings::add);
        for (AssumerActions assumer : assumers) {
            Target edge = new Target(role.account(), role.entity(), role.entityType(), assumer.assumer());
            proposal(edge, granted, RecentItems.since(assumer.actions(), e.periodStart()), e)
                    .ifPresent(findings::add);
        }
        return findings;
    }

    /** No last use on a proposal: it would change daily for a role in use, re-emitting an unchanged policy. */
    private Optional<Finding> proposal(Target target, GrantedActions granted, SortedSet<String> used, Evaluation e) {
        if (used.isEmpty()) {
            return Optional.empty();
        }
        ActionUsage split = granted.isEmpty()
                ? new ActionUsage(List.copyOf(used), List.of(), List.of())
                : granted.classify(used, catalog);
        List<String> evidence = new ArrayList<>();
        evidence.add(used.size() + " actions used in the last " + e.periodDays() + " days"
                + (target.subject() == null ? "" : " in sessions assumed by " + target.subject()));
        if (!split.notObservable().isEmpty()) {
            evidence.add("granted but not observable in CloudTrail, not in the policy (review): "
                    + String.join(", ", split.notObservable()));
        }
        return Optional.of(FindingFactory.open(FindingKind.LEAST_PRIVILEGE_POLICY, Severity.INFORMATIONAL,
                "Least-privilege policy from observed use", target, e.periodStart(), e.at(), null, evidence, POLICY_REMEDIATION, split, LeastPrivilegePolicy.of(used)));
    }
}
