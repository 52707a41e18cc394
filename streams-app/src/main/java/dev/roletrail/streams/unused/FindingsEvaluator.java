package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.streams.unused.policy.ActionCatalog;

/**
 * Every open finding at one evaluation: the inventory joined with observed use, and the least-privilege policies of
 * roles used but not in the inventory. Pure: the same inventory, usage and evaluation time give the same findings in
 * the same order.
 */
public final class FindingsEvaluator {

    /** Observed use, as the findings state holds it. */
    public interface UsageSource {

        /** The entity's usage, or null when it was never seen. */
        EntityUsage usage(String entity);

        /** The per-assumer actions of a role. */
        List<AssumerActions> assumers(String role);

        /** Every role with observed use, in the inventory or not. */
        List<String> usedRoles();
    }

    private final RoleFindings roles;
    private final UserFindings users;
    private final KeyFindings keys = new KeyFindings();

    public FindingsEvaluator(ActionCatalog catalog) {
        PermissionFindings permissions = new PermissionFindings(catalog);
        this.roles = new RoleFindings(permissions);
        this.users = new UserFindings(permissions);
    }

    /** Every finding of the whole inventory at once: the reference a chunked evaluation must agree with. */
    public List<Finding> evaluate(InventoryView inventory, UsageSource usage, Evaluation evaluation) {
        List<Finding> findings = new ArrayList<>();
        Set<String> inventoried = new HashSet<>();
        for (IamRole role : inventory.roles()) {
            inventoried.add(role.arn());
            findings.addAll(evaluate(role, inventory, usage, evaluation));
        }
        // A role used but missing from the inventory (another account's, or no inventory loaded) still gets its
        // least-privilege policy: it needs only observed use.
        for (String role : new TreeSet<>(usage.usedRoles())) {
            if (!inventoried.contains(role)) {
                findings.addAll(evaluateUninventoriedRole(role, usage, evaluation).findings());
            }
        }
        for (IamUser user : inventory.users()) {
            findings.addAll(evaluate(user, inventory, usage, evaluation));
        }
        for (UserCredentials credentials : inventory.credentials()) {
            findings.addAll(evaluate(credentials, inventory, usage, evaluation));
        }
        return findings;
    }

    /** An entity's findings at one evaluation, and when time alone could next change them ({@link Horizon}). */
    record EntityFindings(List<Finding> findings, Instant horizon) {
    }

    /**
     * The findings of one inventory entity: a role, a user or a credential-report row; none for anything else
     * (policies and groups are read through the entities that attach them). The usage read is the entity's own
     * ({@code arn()}), and for a role its assumers' actions, recorded under the role.
     */
    List<Finding> evaluate(InventoryEntity entity, InventoryLookup inventory, UsageSource usage,
            Evaluation evaluation) {
        return evaluateEntity(entity, inventory, usage, evaluation).findings();
    }

    /** As {@link #evaluate(InventoryEntity, InventoryLookup, UsageSource, Evaluation)}, with the findings' horizon. */
    EntityFindings evaluateEntity(InventoryEntity entity, InventoryLookup inventory, UsageSource usage,
            Evaluation evaluation) {
        // The horizon reads the instants of what the findings compare with the evaluation time: the entity, its use
        // and a user's credential report; policies hold none.
        if (entity instanceof IamRole role) {
            EntityUsage used = usageOf(usage, role.arn());
            List<AssumerActions> assumers = usage.assumers(role.arn());
            return new EntityFindings(roles.evaluate(role, inventory.policiesOf(role), used, assumers, evaluation),
                    Horizon.of(evaluation, role, used, assumers));
        }
        if (entity instanceof IamUser user) {
            EntityUsage used = usageOf(usage, user.arn());
            UserCredentials credentials = inventory.credentialsOf(user.arn());
            return new EntityFindings(users.evaluate(user, inventory.policiesOf(user), used, credentials, evaluation),
                    Horizon.of(evaluation, user, used, credentials));
        }
        if (entity instanceof UserCredentials credentials) {
            EntityUsage used = usageOf(usage, credentials.arn());
            return new EntityFindings(keys.evaluate(credentials, used, evaluation),
                    Horizon.of(evaluation, credentials, used));
        }
        return new EntityFindings(List.of(), null);
    }

    /** The findings of a role used but missing from the inventory: its least-privilege policies. */
    EntityFindings evaluateUninventoriedRole(String role, UsageSource usage, Evaluation evaluation) {
        EntityUsage used = usageOf(usage, role);
        List<AssumerActions> assumers = usage.assumers(role);
        return new EntityFindings(roles.uninventoried(role, used, assumers, evaluation),
                Horizon.of(evaluation, used, assumers));
    }

    /** Whether {@link #evaluate(InventoryEntity, InventoryLookup, UsageSource, Evaluation)} can find anything. */
    static boolean evaluated(InventoryEntity entity) {
        return entity instanceof IamRole || entity instanceof IamUser || entity instanceof UserCredentials;
    }

    private static EntityUsage usageOf(UsageSource usage, String entity) {
        EntityUsage known = usage.usage(entity);
        return known == null ? EntityUsage.none(entity) : known;
    }
}
