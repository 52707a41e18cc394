package dev.roletrail.streams.unused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.schemas.identity.IdentityType;
import dev.roletrail.streams.identity.Networks;
import dev.roletrail.streams.nhi.IdentitySettings;
import dev.roletrail.streams.nhi.Trait;
import dev.roletrail.streams.unused.FindingFactory.Target;
import dev.roletrail.streams.unused.IdentityViews.View;

/**
 * The identity inventory's findings (PRODUCT.md §6a), read from an entity's views:
 * <ul>
 *   <li>{@code unowned-identity}: an inventoried user or role used as a workload (or mixed) with no owner, or whose
 *       owner is gone (an inactive IAM user, or with {@code identities.owners-are-iam-users} no IAM user at all).
 *       Only for what the IAM inventory lists: without it there are no tags to read an owner from.</li>
 *   <li>{@code long-lived-key-used-by-workload}: a long-term key whose use in the tracking period was a workload's.
 *   </li>
 *   <li>{@code shared-credential}: a long-term key used by a person and by unattended code, or, unless it is a
 *       workload's, from {@code identities.shared-credential.min-networks} networks (none of them AWS's) within a
 *       day of its latest use.</li>
 * </ul>
 */
final class IdentityFindings {

    private static final Duration AT_ONCE = Duration.ofDays(1);

    private final IdentitySettings settings;

    IdentityFindings(IdentitySettings settings) {
        this.settings = settings;
    }

    /** @param inventoried whether the entity is in the IAM inventory */
    List<Finding> of(List<View> views, boolean inventoried, Evaluation e) {
        List<Finding> findings = new ArrayList<>();
        for (View view : views) {
            Identity identity = view.identity();
            boolean workload = identity.kind() == IdentityKind.WORKLOAD || identity.kind() == IdentityKind.MIXED;
            boolean entity = identity.type() == IdentityType.IAM_USER || identity.type() == IdentityType.ROLE;
            if (entity && inventoried && workload && (view.owner() == null || view.owner().orphaned() != null)) {
                findings.add(unowned(view, e));
            }
            if (identity.type() == IdentityType.ACCESS_KEY) {
                if (identity.kind() == IdentityKind.WORKLOAD) {
                    findings.add(workloadKey(identity, e));
                }
                // A fleet of instances behind one key is many networks but one workload: that is the finding above.
                Set<String> atOnce = identity.kind() == IdentityKind.WORKLOAD ? Set.of()
                        : networksAtOnce(view.traits());
                if (identity.kind() == IdentityKind.MIXED || atOnce.size() >= settings.sharedCredentialMinNetworks()) {
                    findings.add(shared(identity, atOnce, e));
                }
            }
        }
        return findings;
    }

    private static Finding unowned(View view, Evaluation e) {
        Identity identity = view.identity();
        List<String> evidence = new ArrayList<>();
        evidence.add("kind " + identity.kind().id() + ": " + String.join("; ", identity.evidence()));
        evidence.add(view.owner() == null ? "no owner tag, and its creation was not seen in CloudTrail"
                : "owner " + view.owner().name() + " (" + view.owner().source() + "): " + view.owner().orphaned());
        return FindingFactory.open(FindingKind.UNOWNED_IDENTITY, Severity.MEDIUM,
                (identity.type() == IdentityType.ROLE ? "Role" : "IAM user") + " used by a workload has no owner",
                target(identity, identity.type() == IdentityType.ROLE ? "role" : "user"), e.periodStart(), e.at(),
                identity.lastUsed(), evidence, "Tag it with its owning team (an `owner` or `team` tag), or delete it "
                        + "if nobody claims it.", null, null);
    }

    private static Finding workloadKey(Identity key, Evaluation e) {
        List<String> evidence = new ArrayList<>();
        evidence.add("key of " + key.parent());
        evidence.addAll(key.evidence());
        evidence.add(age(key));
        return FindingFactory.open(FindingKind.LONG_LIVED_KEY_USED_BY_WORKLOAD,
                Severity.MEDIUM, "Long-lived access key used by a workload", target(key, "access-key"),
                e.periodStart(), e.at(), key.lastUsed(), evidence,
                "Give the workload a role instead: an instance profile on EC2, IRSA or EKS Pod Identity on "
                        + "Kubernetes, OIDC federation from CI, IAM Roles Anywhere elsewhere; then deactivate and "
                        + "delete the key.", null, null);
    }

    /**
     * The key's age at its last use, not at the evaluation: a finding's content changes only with its inputs, so an
     * evaluation that finds nothing new emits nothing, whichever days an entity happens to be evaluated on.
     */
    private static String age(Identity key) {
        if (key.created() == null) {
            return "age unknown (the credential report lists the user's keys by slot)";
        }
        String created = "created " + Evaluation.day(key.created());
        if (key.lastUsed() == null) {
            return created;
        }
        return created + ", " + Duration.between(key.created(), key.lastUsed()).toDays() + " days before its last use";
    }

    private static Finding shared(Identity key, Set<String> atOnce, Evaluation e) {
        List<String> evidence = new ArrayList<>();
        evidence.add("key of " + key.parent() + ", kind " + key.kind().id());
        evidence.addAll(key.evidence());
        if (atOnce.size() > 1) {
            evidence.add("used from " + atOnce.size() + " networks within a day: " + String.join(", ", atOnce));
        }
        return FindingFactory.open(FindingKind.SHARED_CREDENTIAL, Severity.HIGH,
                "Long-lived access key shared by people and automation", target(key, "access-key"),
                e.periodStart(), e.at(), key.lastUsed(), evidence,
                "Give each user and each workload its own credentials (people sign in through SSO, workloads "
                        + "assume roles), then rotate this key: everyone who holds it can act as its user.",
                null, null);
    }

    private static Target target(Identity identity, String entityType) {
        return new Target(identity.account(), identity.id(), entityType, null);
    }

    /** The networks, none of them AWS's, a key was last used from within a day of its latest use. */
    private static Set<String> networksAtOnce(Map<Trait, Instant> keyTraits) {
        Instant latest = keyTraits.values().stream().max(Instant::compareTo).orElse(null);
        Set<String> networks = new TreeSet<>();
        keyTraits.forEach((trait, last) -> {
            if (!last.isBefore(latest.minus(AT_ONCE)) && !Networks.isAws(trait.network())) {
                networks.add(trait.network());
            }
        });
        return networks;
    }
}
