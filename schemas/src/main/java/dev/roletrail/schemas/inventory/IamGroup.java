package dev.roletrail.schemas.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An IAM group with its attached managed and inline policies (members are listed on each user). */
public record IamGroup(
        String arn,
        String accountId,
        Instant snapshotTime,
        String name,
        String id,
        String path,
        Instant createDate,
        List<String> attachedPolicyArns,
        List<InlinePolicy> inlinePolicies) implements InventoryEntity {

    public IamGroup {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(snapshotTime, "snapshotTime");
        attachedPolicyArns = attachedPolicyArns == null ? List.of() : List.copyOf(attachedPolicyArns);
        inlinePolicies = inlinePolicies == null ? List.of() : List.copyOf(inlinePolicies);
    }
}
