package dev.roletrail.streams.unused;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.roletrail.schemas.inventory.IamGroup;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.InlinePolicy;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.ManagedPolicy;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.streams.unused.policy.PolicyDocument;

/**
 * The IAM inventory as one evaluation reads it: roles, users and credential-report rows by ARN (sorted, so findings
 * come out in a stable order), and what resolving a principal's policies needs: managed policies by ARN and groups by
 * account and name (users list their groups by name).
 */
public final class InventoryView {

    private final Map<String, IamRole> roles = new TreeMap<>();
    private final Map<String, IamUser> users = new TreeMap<>();
    private final Map<String, UserCredentials> credentials = new TreeMap<>();
    private final Map<String, ManagedPolicy> policies = new HashMap<>();
    private final Map<String, IamGroup> groups = new HashMap<>();

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

    /** The credential-report row of a user (or root) ARN, or null. */
    public UserCredentials credentialsOf(String arn) {
        return credentials.get(arn);
    }

    /** Inline and attached managed policies of the role, as one document. */
    public PolicyDocument policiesOf(IamRole role) {
        List<PolicyDocument> documents = new ArrayList<>();
        addPolicies(role.attachedPolicyArns(), role.inlinePolicies(), documents);
        return PolicyDocument.combine(documents);
    }

    /** The user's inline and attached policies, and those of its groups, as one document. */
    public PolicyDocument policiesOf(IamUser user) {
        List<PolicyDocument> documents = new ArrayList<>();
        addPolicies(user.attachedPolicyArns(), user.inlinePolicies(), documents);
        for (String groupName : user.groups()) {
            IamGroup group = groups.get(user.accountId() + "/" + groupName);
            if (group != null) {
                addPolicies(group.attachedPolicyArns(), group.inlinePolicies(), documents);
            }
        }
        return PolicyDocument.combine(documents);
    }

    private void addPolicies(List<String> attached, List<InlinePolicy> inline, List<PolicyDocument> documents) {
        for (InlinePolicy policy : inline) {
            documents.add(PolicyDocument.parse(policy.document()));
        }
        for (String arn : attached) {
            ManagedPolicy policy = policies.get(arn);
            if (policy != null) {
                documents.add(PolicyDocument.parse(policy.document()));
            }
        }
    }
}
