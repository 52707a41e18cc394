package dev.roletrail.streams.unused;

import java.util.ArrayList;
import java.util.List;

import dev.roletrail.schemas.inventory.IamGroup;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.InlinePolicy;
import dev.roletrail.schemas.inventory.ManagedPolicy;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.streams.unused.policy.PolicyDocument;

/**
 * What evaluating one role, user or key reads from the inventory besides the entity itself: managed policies by ARN,
 * groups by account and name (users list their groups by name), credential-report rows by user ARN. Both a whole
 * {@link InventoryView} and the global store, read entity by entity, answer it.
 */
interface InventoryLookup {

    /** The managed policy, or null. */
    ManagedPolicy managedPolicy(String arn);

    /** The user's group of that name (in the user's account), or null. */
    IamGroup group(IamUser user, String name);

    /** The credential-report row of a user (or root) ARN, or null. */
    UserCredentials credentialsOf(String arn);

    /** Whether the inventory lists a user or role under this ARN. */
    boolean inventoried(String arn);

    /** The users owners may name and the roles principals may reach, across the whole inventory. */
    IdentityDirectory directory();

    /** Inline and attached managed policies of the role, as one document. */
    default PolicyDocument policiesOf(IamRole role) {
        List<PolicyDocument> documents = new ArrayList<>();
        addPolicies(role.attachedPolicyArns(), role.inlinePolicies(), documents);
        return PolicyDocument.combine(documents);
    }

    /** The user's inline and attached policies, and those of its groups, as one document. */
    default PolicyDocument policiesOf(IamUser user) {
        List<PolicyDocument> documents = new ArrayList<>();
        addPolicies(user.attachedPolicyArns(), user.inlinePolicies(), documents);
        for (String groupName : user.groups()) {
            IamGroup group = group(user, groupName);
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
            ManagedPolicy policy = managedPolicy(arn);
            if (policy != null) {
                documents.add(PolicyDocument.parse(policy.document()));
            }
        }
    }
}
