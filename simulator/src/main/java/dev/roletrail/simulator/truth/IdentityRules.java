package dev.roletrail.simulator.truth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.schemas.identity.IdentityType;
import dev.roletrail.simulator.org.Habit;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.OwnerTags;
import dev.roletrail.simulator.org.SimRole;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.truth.TrailUse.Snapshot;

/**
 * The identity inventory's truth (PRODUCT.md §6a): each identity's kind decided by construction, not inferred from
 * the trail, which only says whether it acted at all (never acting ⇒ {@code unknown}).
 * <ul>
 *   <li>users by habit: DAILY ⇒ human, SERVICE ⇒ workload, SHARED (a person's key in a cron job) ⇒ mixed, DORMANT
 *       (integrations calling with an SDK) ⇒ workload, INACTIVE ⇒ unknown; a key as its user, unknown when the
 *       trail never shows it;</li>
 *   <li>roles by who assumes them: people's (same-account, cross-account, SAML, admin, break-glass) ⇒ human; the
 *       batch user's role, EC2, Lambda, the OIDC deploy role and its chain targets ⇒ workload; the vendor role ⇒
 *       external; service-linked ⇒ aws-service; a role the trail never shows ⇒ unknown;</li>
 *   <li>federated subjects that assumed a role: SAML ⇒ human, OIDC (web identity) ⇒ federated-workload; the vendor
 *       accounts and the outsider ⇒ external;</li>
 *   <li>owner: the value of the first owner tag key ({@link OwnerTags#KEYS}); a key has its user's; else null.</li>
 * </ul>
 * Findings, at t0 = at − tracking period:
 * <ul>
 *   <li>{@code unowned-identity} (user or role ARN): kind workload or mixed, and no owner tag, or an orphaned owner:
 *       a user it names (name, ARN or email local part) with no activity since t0, or an email or {@code user/}
 *       value naming no user; a team name (no {@code @}, no user) owns;</li>
 *   <li>{@code long-lived-key-used-by-workload} (key id): a workload user's key (SERVICE, or a DORMANT integration
 *       woken up) used since t0;</li>
 *   <li>{@code shared-credential} (key id): a SHARED user's key used since t0.</li>
 * </ul>
 */
public final class IdentityRules {

    private IdentityRules() {
    }

    /** Every identity the simulator knows: users and their keys, roles, federated subjects, external accounts. */
    static List<ExpectedIdentity> identities(Organization org, Snapshot use) {
        List<ExpectedIdentity> identities = new ArrayList<>();
        for (SimUser user : org.users()) {
            String owner = OwnerTags.owner(user.tags()).orElse(null);
            identities.add(new ExpectedIdentity(user.arn(), IdentityType.IAM_USER, userKind(user, use), owner));
            IdentityKind key = use.keys().containsKey(user.accessKeyId()) ? userKind(user, use) : IdentityKind.UNKNOWN;
            identities.add(new ExpectedIdentity(user.accessKeyId(), IdentityType.ACCESS_KEY, key, owner));
        }
        for (SimRole role : org.roles()) {
            identities.add(new ExpectedIdentity(role.arn(), IdentityType.ROLE, roleKind(role, use),
                    OwnerTags.owner(role.tags()).orElse(null)));
        }
        new TreeMap<>(use.federated()).forEach((id, type) -> identities.add(new ExpectedIdentity(id,
                IdentityType.FEDERATED_SUBJECT, type.equals("SAMLUser") ? IdentityKind.HUMAN
                        : IdentityKind.FEDERATED_WORKLOAD, null)));
        List<String> external = new ArrayList<>(org.vendors());
        external.add(org.outsider());
        external.forEach(account -> identities.add(new ExpectedIdentity(Identity.externalAccountId(account),
                IdentityType.EXTERNAL_ACCOUNT, IdentityKind.EXTERNAL, null)));
        return identities;
    }

    /** The open findings of the three inventory kinds. */
    static List<ExpectedFinding> findings(Organization org, Snapshot use, Instant t0) {
        Map<String, SimUser> byName = new HashMap<>();
        org.users().forEach(u -> byName.put(u.name(), u));
        List<ExpectedFinding> open = new ArrayList<>();
        for (SimUser user : org.users()) {
            if (unowned(userKind(user, use), user.tags(), byName, use, t0)) {
                open.add(new ExpectedFinding(FindingKind.UNOWNED_IDENTITY, user.arn(), null));
            }
            Instant used = use.keys().get(user.accessKeyId());
            boolean usedSince = used != null && !used.isBefore(t0);
            // A workload's key used in the period, the service's as much as a dormant integration's woken up.
            if (usedSince && userKind(user, use) == IdentityKind.WORKLOAD) {
                open.add(new ExpectedFinding(FindingKind.LONG_LIVED_KEY_USED_BY_WORKLOAD, user.accessKeyId(), null));
            }
            if (usedSince && user.habit() == Habit.SHARED) {
                open.add(new ExpectedFinding(FindingKind.SHARED_CREDENTIAL, user.accessKeyId(), null));
            }
        }
        for (SimRole role : org.roles()) {
            if (unowned(roleKind(role, use), role.tags(), byName, use, t0)) {
                open.add(new ExpectedFinding(FindingKind.UNOWNED_IDENTITY, role.arn(), null));
            }
        }
        return open;
    }

    static IdentityKind userKind(SimUser user, Snapshot use) {
        if (!use.active(user.arn())) {
            return IdentityKind.UNKNOWN;
        }
        return switch (user.habit()) {
            case DAILY -> IdentityKind.HUMAN;
            case SERVICE, DORMANT -> IdentityKind.WORKLOAD;
            case SHARED -> IdentityKind.MIXED;
            case INACTIVE -> IdentityKind.UNKNOWN;
        };
    }

    static IdentityKind roleKind(SimRole role, Snapshot use) {
        if (!use.active(role.arn())) {
            return IdentityKind.UNKNOWN;
        }
        return switch (role.kind()) {
            case SAME_ACCOUNT -> role.name().equals(OrganizationBuilder.BATCH_ROLE) ? IdentityKind.WORKLOAD
                    : IdentityKind.HUMAN;
            case CROSS_ACCOUNT, SAML, ADMIN, BREAK_GLASS -> IdentityKind.HUMAN;
            case OIDC_DEPLOY, CHAIN_TARGET, EC2_SERVICE, LAMBDA_SERVICE -> IdentityKind.WORKLOAD;
            case VENDOR -> IdentityKind.EXTERNAL;
            case SERVICE_LINKED -> IdentityKind.AWS_SERVICE;
            case UNUSED -> IdentityKind.UNKNOWN;
        };
    }

    static boolean unowned(IdentityKind kind, Map<String, String> tags, Map<String, SimUser> users, Snapshot use,
            Instant t0) {
        if (kind != IdentityKind.WORKLOAD && kind != IdentityKind.MIXED) {
            return false;
        }
        Optional<String> owner = OwnerTags.owner(tags);
        return owner.isEmpty() || orphaned(owner.get(), users, use, t0);
    }

    /** An owner value naming a user with no activity since t0, or an email or user ARN naming nobody in IAM. */
    static boolean orphaned(String owner, Map<String, SimUser> users, Snapshot use, Instant t0) {
        SimUser user = users.get(OwnerTags.userName(owner));
        return user == null ? OwnerTags.namesPerson(owner) : !use.activeSince(user.arn(), t0);
    }
}
