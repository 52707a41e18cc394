package dev.roletrail.streams.unused;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.roletrail.schemas.inventory.IamGroup;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.ManagedPolicy;
import dev.roletrail.schemas.inventory.UserCredentials;

/**
 * The whole IAM inventory in memory: roles, users and credential-report rows by ARN (sorted, so findings come out in
 * a stable order), and what resolving a principal's policies needs ({@link InventoryLookup}). The reference a chunked
 * evaluation over the global store must agree with.
 */
public final class InventoryView implements InventoryLookup {

    private final Map<String, IamRole> roles = new TreeMap<>();
    private final Map<String, IamUser> users = new TreeMap<>();
    private final Map<String, UserCredentials> credentials = new TreeMap<>();
    private final Map<String, ManagedPolicy> policies = new HashMap<>();
    private final Map<String, IamGroup> groups = new HashMap<>();
    private IdentityDirectory directory;

    public static InventoryView of(Iterable<InventoryEntity> entities) {
        InventoryView view = new InventoryView();
        entities.forEach(view::add);
        return view;
    }

    private void add(InventoryEntity entity) {
        if (entity instanceof IamRole role) {
            roles.put(role.arn(), role);
        } else if (entity instanceof IamUser user) {
            users.put(user.arn(), user);
        } else if (entity instanceof UserCredentials row) {
            credentials.put(row.arn(), row);
        } else if (entity instanceof ManagedPolicy policy) {
            policies.put(policy.arn(), policy);
        } else if (entity instanceof IamGroup group) {
            groups.put(group.accountId() + "/" + group.name(), group);
        }
    }

    public List<IamRole> roles() {
        return List.copyOf(roles.values());
    }

    public List<IamUser> users() {
        return List.copyOf(users.values());
    }

    public List<UserCredentials> credentials() {
        return List.copyOf(credentials.values());
    }

    @Override
    public UserCredentials credentialsOf(String arn) {
        return credentials.get(arn);
    }

    @Override
    public boolean inventoried(String arn) {
        return roles.containsKey(arn) || users.containsKey(arn);
    }

    @Override
    public IdentityDirectory directory() {
        if (directory == null) {
            List<InventoryEntity> all = new ArrayList<>(roles.values());
            all.addAll(users.values());
            all.addAll(credentials.values());
            directory = IdentityDirectory.of(all);
        }
        return directory;
    }

    @Override
    public ManagedPolicy managedPolicy(String arn) {
        return policies.get(arn);
    }

    @Override
    public IamGroup group(IamUser user, String name) {
        return groups.get(user.accountId() + "/" + name);
    }
}
