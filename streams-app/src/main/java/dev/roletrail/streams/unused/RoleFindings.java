package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.streams.identity.Arns;
import dev.roletrail.streams.identity.Sessions;
import dev.roletrail.streams.identity.TrustPolicy;
import dev.roletrail.streams.unused.FindingFactory.Target;
import dev.roletrail.streams.unused.policy.GrantedActions;
import dev.roletrail.streams.unused.policy.PolicyDocument;

/**
 * A role's findings at one evaluation, P being the tracking period and t0 = now − P:
 * <ul>
 *   <li>{@code unused-role}: created ≤ t0, and neither assumed nor acting since t0 (RoleTrail's observations and IAM's
 *       own last-used date);</li>
 *   <li>{@code unused-trust-path}: for a role in use, each AWS principal of its trust policy with no assumer since t0
 *       that it covers; broad grants ({@code *}, a whole account, cross-account without {@code sts:ExternalId})
 *       called out;</li>
 *   <li>{@code unused-permissions} and {@code least-privilege-policy}: see {@link PermissionFindings}; a role used
 *       but not in the inventory gets its least-privilege policies alone;</li>
 *   <li>{@code shared-role}: since t0, distinct assumer origins (AWS services aside), networks (AWS service networks
 *       aside) or clients reach their threshold;</li>
 *   <li>{@code mfa-not-required-for-sensitive-role}: see {@link MfaRequirement}, whatever the role's use.</li>
 * </ul>
 * An unused role gets one finding, not one per trust path and action as well. Per-assumer and per-action findings
 * need RoleTrail's observations to cover the whole period.
 */
final class RoleFindings {

    private static final int SAMPLE = 10;

    private final PermissionFindings permissions;

    RoleFindings(PermissionFindings permissions) {
        this.permissions = permissions;
    }

    List<Finding> evaluate(IamRole role, PolicyDocument policy, EntityUsage usage, List<AssumerActions> assumers,
            Evaluation e) {
        Target target = new Target(role.accountId(), role.arn(), "role", null);
        TrustPolicy trust = TrustPolicy.of(role.trustPolicy());
        Instant lastUsed = RecentItems.latest(usage.lastActive(), role.lastUsed());
        boolean old = e.olderThanPeriod(role.createDate());
        List<Finding> findings = new ArrayList<>();
        GrantedActions granted = permissions.granted(policy);
        if (old && !e.usedSince(lastUsed, e.periodStart())) {
            findings.add(unusedRole(role, target, trust, lastUsed, e));
        } else if (old && e.coversPeriod()) {
            for (TrustPolicy.Grant grant : trust.grants()) {
                unusedTrustPath(role, grant, usage, e).ifPresent(findings::add);
            }
            permissions.unused(target, granted, usage, e).ifPresent(findings::add);
        }
        sharedRole(target, usage, e).ifPresent(findings::add);
        MfaRequirement.evaluate(role, e.settings().sensitiveRoles(), e).ifPresent(findings::add);
        findings.addAll(permissions.leastPrivilege(target, granted, usage, assumers, e));
        return findings;
    }

    /**
     * A role used but missing from the inventory: only its least-privilege policies, which need no more than
     * observed use (nothing is known of its grants, creation or trust).
     */
    List<Finding> uninventoried(String roleArn, EntityUsage usage, List<AssumerActions> assumers, Evaluation e) {
        Target target = new Target(Arns.accountOf(roleArn), roleArn, "role", null);
        return permissions.leastPrivilege(target, permissions.granted(PolicyDocument.EMPTY), usage, assumers, e);
    }

    private static Finding unusedRole(IamRole role, Target target, TrustPolicy trust, Instant lastUsed,
            Evaluation e) {
        List<String> evidence = new ArrayList<>();
        evidence.add("created " + Evaluation.day(role.createDate()) + ", last used " + Evaluation.day(lastUsed));
        for (TrustPolicy.Grant grant : trust.grants()) {
            List<String> broad = broadness(role, grant);
            evidence.add("trusts " + grant.principal() + (broad.isEmpty() ? "" : " (" + String.join(", ", broad) + ")"));
        }
        boolean anyone = trust.grants().stream().anyMatch(TrustPolicy.Grant::anyone);
        return FindingFactory.open(FindingKind.UNUSED_ROLE, anyone ? Severity.HIGH : Severity.MEDIUM,
                "Role not used in the last " + e.periodDays() + " days", target, e.periodStart(), e.at(), lastUsed,
                evidence, "Delete the role if nothing needs it; else remove its trust policy's unused principals.",
                null, null);
    }

    private static Optional<Finding> unusedTrustPath(IamRole role, TrustPolicy.Grant grant, EntityUsage usage,
            Evaluation e) {
        Instant lastUsed = null;
        for (var assumer : usage.assumers().entrySet()) {
            if (grant.covers(assumer.getKey())) {
                lastUsed = RecentItems.latest(lastUsed, assumer.getValue());
            }
        }
        if (e.usedSince(lastUsed, e.periodStart())) {
            return Optional.empty();
        }
        List<String> broad = broadness(role, grant);
        List<String> evidence = new ArrayList<>();
        evidence.add(grant.principal() + " may assume " + role.arn() + "; last assumed through it "
                + Evaluation.day(lastUsed));
        if (!broad.isEmpty()) {
            evidence.add("broad trust: " + String.join(", ", broad));
        }
        Severity severity = grant.anyone() ? Severity.HIGH : broad.isEmpty() ? Severity.LOW : Severity.MEDIUM;
        return Optional.of(FindingFactory.open(FindingKind.UNUSED_TRUST_PATH, severity,
                "Trusted principal did not assume the role in the last " + e.periodDays() + " days",
                new Target(role.accountId(), role.arn(), "role", grant.principal()), e.periodStart(), e.at(), lastUsed,
                evidence, "Remove " + grant.principal() + " from the role's trust policy.", null, null));
    }

    /** Why a grant is broad: anyone, a whole account, or another account without an ExternalId guard. */
    static List<String> broadness(IamRole role, TrustPolicy.Grant grant) {
        List<String> reasons = new ArrayList<>();
        if (grant.anyone()) {
            reasons.add("anyone (*)" + (grant.conditional() ? ", narrowed only by a condition" : ""));
        } else if (grant.wholeAccount()) {
            reasons.add("every principal of account " + grant.account());
        }
        boolean external = grant.anyone() || grant.account() != null && !grant.account().equals(role.accountId());
        if (external && !grant.externalId()) {
            reasons.add("no sts:ExternalId condition");
        }
        return reasons;
    }

    private Optional<Finding> sharedRole(Target target, EntityUsage usage, Evaluation e) {
        FindingsSettings s = e.settings();
        SortedSet<String> origins = new TreeSet<>(RecentItems.since(usage.origins(), e.periodStart()));
        origins.removeIf(origin -> origin.startsWith("service:"));
        SortedSet<String> networks = new TreeSet<>(RecentItems.since(usage.networks(), e.periodStart()));
        networks.removeIf(Sessions::isServiceNetwork);
        SortedSet<String> clients = RecentItems.since(usage.clients(), e.periodStart());
        List<String> evidence = new ArrayList<>();
        if (origins.size() >= s.sharedRoleMinAssumers()) {
            evidence.add("assumed by " + origins.size() + " distinct origins: " + sample(origins));
        }
        if (networks.size() >= s.sharedRoleMinNetworks()) {
            evidence.add("assumed from " + networks.size() + " distinct networks: " + sample(networks));
        }
        if (clients.size() >= s.sharedRoleMinClients()) {
            evidence.add("assumed with " + clients.size() + " distinct clients: " + sample(clients));
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FindingFactory.open(FindingKind.SHARED_ROLE, Severity.MEDIUM,
                "Role used like a shared account", target, e.periodStart(), e.at(), null, evidence,
                "Split the role per team or workload, so each has only what it needs and its use can be told apart.",
                null, null));
    }

    private static String sample(SortedSet<String> items) {
        List<String> first = items.stream().limit(SAMPLE).toList();
        return String.join(", ", first) + (items.size() > SAMPLE ? ", ..." : "");
    }
}
