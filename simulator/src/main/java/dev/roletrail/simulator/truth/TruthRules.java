package dev.roletrail.simulator.truth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.org.SimRole;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.truth.TrailUse.Snapshot;

/**
 * Which findings should be open at the end of the simulated period, by the findings' documented definitions
 * (README findings table, docs/findings.md), written out again from the simulator's own records: at = the day
 * boundary after the newest event, P the tracking period, t0 = at − P, "used" = seen in the trail at or after t0.
 * <ul>
 *   <li>{@code unused-role}: created ≤ t0 and neither assumed nor acting since t0;</li>
 *   <li>{@code unused-trust-path}: a role in use, created ≤ t0, an AWS principal of its trust policy (an account
 *       covers its principals) with no assumption since t0 it covers;</li>
 *   <li>{@code unused-permissions}: a role or user in use, created ≤ t0, granted an action the trail would show and
 *       did not since t0. A wildcard grant always counts: every one the simulator writes covers more logged actions
 *       than its traffic calls of that service;</li>
 *   <li>{@code shared-role}: since t0, origins of its assumers (AWS services aside), /24 networks or client tools
 *       reaching their threshold;</li>
 *   <li>{@code mfa-not-required-for-sensitive-role}: a break-glass or admin role trusting IAM users without MFA;</li>
 *   <li>{@code inactive-user}: created ≤ t0 and no call, sign-in or key use since t0;</li>
 *   <li>{@code dormant-key}: created ≤ at − dormancy and unused since then;
 *       {@code key-rotation-overdue}: created before at − rotation limit;</li>
 *   <li>{@code least-privilege-policy}: per role, and per assumer of its sessions, the actions used since t0;</li>
 *   <li>{@code unowned-identity}, {@code long-lived-key-used-by-workload}, {@code shared-credential}: see
 *       {@link IdentityRules}, which also gives every identity's expected kind and owner.</li>
 * </ul>
 * Per-action and per-assumer findings (trust paths, unused permissions) are expected only when the trail reaches back
 * to t0: before it, RoleTrail cannot tell unused from unseen, and says so by not raising them.
 */
public final class TruthRules {

    private static final Set<RoleKind> SENSITIVE = Set.of(RoleKind.BREAK_GLASS, RoleKind.ADMIN);

    private TruthRules() {
    }

    /** @param rolesCreated the roles' creation date in the inventory */
    public static GroundTruth compute(Organization org, Instant rolesCreated, Snapshot use, TruthSettings settings) {
        Instant at = evaluatedAt(use.latest());
        Instant t0 = at.minus(settings.trackingPeriod());
        boolean covers = !use.earliest().isAfter(t0);
        List<ExpectedFinding> open = new ArrayList<>();
        for (SimRole role : org.roles()) {
            open.addAll(role(role, !rolesCreated.isAfter(t0), covers, use, t0, settings));
        }
        for (int i = 0; i < org.users().size(); i++) {
            SimUser user = org.users().get(i);
            open.addAll(user(user, covers, use, t0));
            open.addAll(key(user, use, at, settings));
        }
        List<ExpectedPolicy> policies = policies(use, t0);
        policies.forEach(p -> open.add(new ExpectedFinding(FindingKind.LEAST_PRIVILEGE_POLICY, p.role(), p.assumer())));
        open.addAll(IdentityRules.findings(org, use, t0));
        return new GroundTruth(at, use.earliest(), settings.trackingPeriod().toDays(), open, policies,
                IdentityRules.identities(org, use));
    }

    /** RoleTrail's last evaluation at the end of input: the day boundary after the newest event. */
    static Instant evaluatedAt(Instant newest) {
        return newest.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    }

    static List<ExpectedFinding> role(SimRole role, boolean old, boolean covers, Snapshot use, Instant t0,
            TruthSettings settings) {
        String arn = role.arn();
        List<ExpectedFinding> open = new ArrayList<>();
        if (old && !use.activeSince(arn, t0)) {
            open.add(new ExpectedFinding(FindingKind.UNUSED_ROLE, arn, null));
        } else if (old && covers) {
            SortedSet<String> assumers = Snapshot.since(use.assumers(), arn, t0);
            role.trusted().stream().filter(TruthRules::awsPrincipal)
                    .filter(trusted -> assumers.stream().noneMatch(a -> covers(trusted, a)))
                    .forEach(trusted -> open.add(new ExpectedFinding(FindingKind.UNUSED_TRUST_PATH, arn, trusted)));
            if (unusedGrant(role.actions(), Snapshot.since(use.actions(), arn, t0))) {
                open.add(new ExpectedFinding(FindingKind.UNUSED_PERMISSIONS, arn, null));
            }
        }
        if (shared(arn, use, t0, settings)) {
            open.add(new ExpectedFinding(FindingKind.SHARED_ROLE, arn, null));
        }
        if (SENSITIVE.contains(role.kind()) && !role.requiresMfa()
                && role.trusted().stream().anyMatch(TruthRules::awsPrincipal)) {
            open.add(new ExpectedFinding(FindingKind.MFA_NOT_REQUIRED_FOR_SENSITIVE_ROLE, arn, null));
        }
        return open;
    }

    static List<ExpectedFinding> user(SimUser user, boolean covers, Snapshot use, Instant t0) {
        if (user.keyCreated().isAfter(t0)) {
            return List.of();
        }
        if (!use.activeSince(user.arn(), t0)) {
            return List.of(new ExpectedFinding(FindingKind.INACTIVE_USER, user.arn(), null));
        }
        if (covers && unusedGrant(user.actions(), Snapshot.since(use.actions(), user.arn(), t0))) {
            return List.of(new ExpectedFinding(FindingKind.UNUSED_PERMISSIONS, user.arn(), null));
        }
        return List.of();
    }

    /** The user's one key, named by its slot as the credential report has it. */
    static List<ExpectedFinding> key(SimUser user, Snapshot use, Instant at, TruthSettings settings) {
        String key = user.arn() + "#access-key-1";
        List<ExpectedFinding> open = new ArrayList<>();
        Instant dormantSince = at.minus(settings.dormancy());
        Instant lastUsed = use.keys().get(user.accessKeyId());
        if (!user.keyCreated().isAfter(dormantSince) && (lastUsed == null || lastUsed.isBefore(dormantSince))) {
            open.add(new ExpectedFinding(FindingKind.DORMANT_KEY, key, null));
        }
        if (user.keyCreated().isBefore(at.minus(settings.rotationLimit()))) {
            open.add(new ExpectedFinding(FindingKind.KEY_ROTATION_OVERDUE, key, null));
        }
        return open;
    }

    /** Every role whose sessions used actions since t0, and every assumer whose sessions of it did. */
    static List<ExpectedPolicy> policies(Snapshot use, Instant t0) {
        List<ExpectedPolicy> policies = new ArrayList<>();
        for (String entity : new TreeSet<>(use.actions().keySet())) {
            SortedSet<String> actions = Snapshot.since(use.actions(), entity, t0);
            if (entity.contains(":role/") && !actions.isEmpty()) {
                policies.add(new ExpectedPolicy(entity, null, List.copyOf(actions)));
            }
        }
        for (String pair : new TreeSet<>(use.assumerActions().keySet())) {
            SortedSet<String> actions = Snapshot.since(use.assumerActions(), pair, t0);
            String[] roleAndAssumer = pair.split("\u0000", 2);
            if (!actions.isEmpty()) {
                policies.add(new ExpectedPolicy(roleAndAssumer[0], roleAndAssumer[1], List.copyOf(actions)));
            }
        }
        return policies;
    }

    static boolean shared(String role, Snapshot use, Instant t0, TruthSettings settings) {
        long origins = Snapshot.since(use.origins(), role, t0).stream().filter(o -> !o.startsWith("service:")).count();
        return origins >= settings.minOrigins()
                || Snapshot.since(use.networks(), role, t0).size() >= settings.minNetworks()
                || Snapshot.since(use.clients(), role, t0).size() >= settings.minClients();
    }

    /** Whether some grant covers an action the trail would show and did not: a wildcard always does. */
    static boolean unusedGrant(List<String> granted, Set<String> used) {
        Set<String> usedLower = used.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return granted.stream().anyMatch(action -> action.contains("*") || action.contains("?")
                || IamActions.logged(action) && !usedLower.contains(action.toLowerCase(Locale.ROOT)));
    }

    /** A trust policy's AWS principal (an account, user or role), not a service or identity provider. */
    static boolean awsPrincipal(String trusted) {
        return trusted.startsWith("arn:aws:iam::") && !trusted.contains(":saml-provider/")
                && !trusted.contains(":oidc-provider/");
    }

    /** An account's root covers every principal of the account; any other principal only itself. */
    static boolean covers(String trusted, String assumer) {
        if (!trusted.endsWith(":root")) {
            return trusted.equals(assumer);
        }
        String account = trusted.split(":")[4];
        return assumer.equals("account:" + account) || assumer.startsWith("arn:aws:") && assumer.split(":").length > 4
                && assumer.split(":")[4].equals(account);
    }
}
