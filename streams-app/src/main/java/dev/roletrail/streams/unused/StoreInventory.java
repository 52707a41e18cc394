package dev.roletrail.streams.unused;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.roletrail.schemas.inventory.IamGroup;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.ManagedPolicy;
import dev.roletrail.schemas.inventory.UserCredentials;

/**
 * The global {@code inventory} store read entity by entity (keys: {@link InventoryEntity#key()}), for one chunk of an
 * evaluation: policies and credential rows by key; groups, which users name without their path, by one prefix scan
 * of the account's groups, remembered for the chunk (a new instance per chunk sees inventory updates).
 */
final class StoreInventory implements InventoryLookup {

    private static final String USER = ":user/";
    private static final String GROUP = ":group/";

    private final ReadOnlyKeyValueStore<String, InventoryEntity> store;
    /** Group prefix ({@code arn:<partition>:iam::<account>:group/}) → that account's groups by name. */
    private final Map<String, Map<String, IamGroup>> groups = new HashMap<>();

    private final IdentityDirectory directory;

    StoreInventory(ReadOnlyKeyValueStore<String, InventoryEntity> store, IdentityDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    @Override
    public boolean inventoried(String arn) {
        InventoryEntity entity = store.get(arn);
        return entity instanceof IamRole || entity instanceof IamUser;
    }

    @Override
    public IdentityDirectory directory() {
        return directory;
    }

    @Override
    public ManagedPolicy managedPolicy(String arn) {
        return store.get(arn) instanceof ManagedPolicy policy ? policy : null;
    }

    @Override
    public UserCredentials credentialsOf(String arn) {
        return store.get(arn + UserCredentials.KEY_SUFFIX) instanceof UserCredentials row ? row : null;
    }

    @Override
    public IamGroup group(IamUser user, String name) {
        int account = user.arn().indexOf(USER);
        if (account < 0) {
            return null;
        }
        Map<String, IamGroup> byName = groups.computeIfAbsent(user.arn().substring(0, account) + GROUP,
                this::groupsUnder);
        IamGroup group = byName.get(name);
        return group != null && group.accountId().equals(user.accountId()) ? group : null;
    }

    private Map<String, IamGroup> groupsUnder(String prefix) {
        Map<String, IamGroup> byName = new HashMap<>();
        try (KeyValueIterator<String, InventoryEntity> range = store.prefixScan(prefix, new StringSerializer())) {
            range.forEachRemaining(entry -> {
                if (entry.value instanceof IamGroup group) {
                    byName.put(group.name(), group);
                }
            });
        }
        return byName;
    }
}
