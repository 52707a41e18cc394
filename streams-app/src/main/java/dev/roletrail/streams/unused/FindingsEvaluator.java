package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.streams.unused.IdentityViews.View;
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

        /** Every entity with observed use (roles, users, roots, federated subjects, accounts), in key order. */
        List<String> usedEntities();
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
        for (IamUser user : inventory.users()) {
            inventoried.add(user.arn());
            findings.addAll(evaluate(user, inventory, usage, evaluation));
        }
        for (UserCredentials credentials : inventory.credentials()) {
            inventoried.add(credentials.arn());
            findings.addAll(evaluate(credentials, inventory, usage, evaluation));
        }
        // An entity used but missing from the inventory (another account's, or no inventory loaded) still gets what
        // observed use alone can tell: a role its least-privilege policy, a key its workload or sharing findings.
        for (String entity : new TreeSet<>(usage.usedEntities())) {
            if (!inventoried.contains(entity)) {
                findings.addAll(evaluateUninventoried(entity, inventory, usage, evaluation).findings());
            }
        }
        return findings;
    }

    /**
     * An entity's findings and identity views at one evaluation, and when time alone could next change them
     * ({@link Horizon}).
     */
    record EntityFindings(List<Finding> findings, List<Identity> identities, Instant horizon) {

        EntityFindings {
            findings = List.copyOf(findings);
            identities = List.copyOf(identities);
        }
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
        IdentityViews views = views(evaluation);
        IdentityDirectory directory = inventory.directory();
        if (entity instanceof IamRole role) {
            EntityUsage used = usageOf(usage, role.arn());
            List<AssumerActions> assumers = usage.assumers(role.arn());
            List<View> identities = List.of(views.role(role.arn(), role, used, evaluation, directory));
            return withIdentities(roles.evaluate(role, inventory.policiesOf(role), used, assumers, evaluation),
                    identities, true, evaluation, directory, Horizon.of(evaluation, role, used, assumers));
        }
        if (entity instanceof IamUser user) {
            EntityUsage used = usageOf(usage, user.arn());
            UserCredentials credentials = inventory.credentialsOf(user.arn());
            List<View> identities = views.user(user.arn(), user, credentials, used, evaluation, directory);
            return withIdentities(users.evaluate(user, inventory.policiesOf(user), used, credentials, evaluation),
                    identities, true, evaluation, directory, Horizon.of(evaluation, user, used, credentials));
        }
        if (entity instanceof UserCredentials credentials) {
            EntityUsage used = usageOf(usage, credentials.arn());
            // A user's row is read with the user; the root has no user entity, so its views come with its row.
            List<View> identities = root(credentials.arn())
                    ? views.user(credentials.arn(), null, credentials, used, evaluation, directory) : List.of();
            return withIdentities(keys.evaluate(credentials, used, evaluation), identities, true, evaluation, directory,
                    Horizon.of(evaluation, credentials, used));
        }
        return new EntityFindings(List.of(), List.of(), null);
    }

    /**
     * The findings and views of an entity used but missing from the inventory: a role's least-privilege policies,
     * a user's or root's keys' findings, a federated subject's or external account's view.
     */
    EntityFindings evaluateUninventoried(String entity, InventoryLookup inventory, UsageSource usage,
            Evaluation evaluation) {
        EntityUsage used = usageOf(usage, entity);
        IdentityViews views = views(evaluation);
        IdentityDirectory directory = inventory.directory();
        if (entity.startsWith("arn:") && entity.contains(":role/")) {
            List<AssumerActions> assumers = usage.assumers(entity);
            return withIdentities(roles.uninventoried(entity, used, assumers, evaluation),
                    List.of(views.role(entity, null, used, evaluation, directory)), false, evaluation, directory,
                    Horizon.of(evaluation, used, assumers));
        }
        List<View> identities = entity.startsWith("arn:") && (entity.contains(":user/") || root(entity))
                ? views.user(entity, null, null, used, evaluation, directory)
                : views.other(entity, used, evaluation, directory).map(List::of).orElse(List.of());
        return withIdentities(List.of(), identities, false, evaluation, directory, Horizon.of(evaluation, used));
    }

    /** Whether the entity is evaluated from the inventory's side: its user, role or (for the root) report row. */
    static boolean inventoried(String entity, InventoryLookup inventory) {
        return inventory.inventoried(entity) || root(entity) && inventory.credentialsOf(entity) != null;
    }

    private EntityFindings withIdentities(List<Finding> own, List<View> views, boolean inventoried,
            Evaluation evaluation, IdentityDirectory directory, Instant horizon) {
        List<Finding> findings = new ArrayList<>(own);
        findings.addAll(new IdentityFindings(evaluation.settings().identities()).of(views, inventoried, evaluation));
        Instant ownerTurns = IdentityViews.ownerHorizon(views, directory, evaluation.settings().dormancy());
        Instant next = ownerTurns != null && ownerTurns.isAfter(evaluation.at())
                && (horizon == null || ownerTurns.isBefore(horizon)) ? ownerTurns : horizon;
        return new EntityFindings(findings, views.stream().map(View::identity).toList(), next);
    }

    private static IdentityViews views(Evaluation evaluation) {
        return new IdentityViews(evaluation.settings().identities(), evaluation.settings().accounts());
    }

    private static boolean root(String arn) {
        return arn.endsWith(":root");
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
