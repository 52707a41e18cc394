package dev.roletrail.schemas.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An IAM user: its groups, attached managed policies and inline policies. */
public record IamUser(
        String arn,
        String accountId,
        Instant snapshotTime,
        String name,
        String id,
        String path,
        Instant createDate,
        List<String> groups,
        List<String> attachedPolicyArns,
        List<InlinePolicy> inlinePolicies,
        String permissionsBoundaryArn,
        Map<String, String> tags) implements InventoryEntity {

    public IamUser {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(snapshotTime, "snapshotTime");
        groups = groups == null ? List.of() : List.copyOf(groups);
        attachedPolicyArns = attachedPolicyArns == null ? List.of() : List.copyOf(attachedPolicyArns);
        inlinePolicies = inlinePolicies == null ? List.of() : List.copyOf(inlinePolicies);
        // Null when read from an inventory written before tags were kept.
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
