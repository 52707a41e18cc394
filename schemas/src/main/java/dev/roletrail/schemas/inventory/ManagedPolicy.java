package dev.roletrail.schemas.inventory;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A managed policy and the document of its default version. AWS managed policies ({@code arn:aws:iam::aws:policy/...})
 * have the account id {@code aws} and are never deleted by an account's snapshot.
 */
public record ManagedPolicy(
        String arn,
        String accountId,
        Instant snapshotTime,
        String name,
        String id,
        String path,
        String defaultVersionId,
        JsonNode document,
        int attachmentCount,
        Instant createDate,
        Instant updateDate) implements InventoryEntity {

    public static final String AWS_MANAGED_ACCOUNT = "aws";

    public ManagedPolicy {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(snapshotTime, "snapshotTime");
    }

    public boolean awsManaged() {
        return AWS_MANAGED_ACCOUNT.equals(accountId);
    }
}
