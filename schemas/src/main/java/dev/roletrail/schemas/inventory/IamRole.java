package dev.roletrail.schemas.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An IAM role with its trust policy (who may assume it), attached managed and inline policies, and IAM's own
 * last-used date (hours behind, but it covers time before RoleTrail's data began).
 */
public record IamRole(
        String arn,
        String accountId,
        Instant snapshotTime,
        String name,
        String id,
        String path,
        Instant createDate,
        JsonNode trustPolicy,
        List<String> attachedPolicyArns,
        List<InlinePolicy> inlinePolicies,
        Integer maxSessionDurationSeconds,
        Instant lastUsed,
        String lastUsedRegion,
        String permissionsBoundaryArn,
        Map<String, String> tags) implements InventoryEntity {

    public IamRole {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(snapshotTime, "snapshotTime");
        attachedPolicyArns = attachedPolicyArns == null ? List.of() : List.copyOf(attachedPolicyArns);
        inlinePolicies = inlinePolicies == null ? List.of() : List.copyOf(inlinePolicies);
        // Null when read from an inventory written before tags were kept.
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
