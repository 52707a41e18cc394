package dev.roletrail.schemas.inventory;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One IAM entity of an account's inventory snapshot (compacted topic {@code roletrail.inventory}, key:
 * {@link #key()}). Each comes from a snapshot of one {@link #snapshotSource() source} (authorization details or
 * credential report) of one account, taken at {@link #snapshotTime()}; a newer snapshot of the same account and
 * source replaces the older one, and entities it no longer lists are deleted with a tombstone.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = IamUser.class, name = "user"),
    @JsonSubTypes.Type(value = IamRole.class, name = "role"),
    @JsonSubTypes.Type(value = IamGroup.class, name = "group"),
    @JsonSubTypes.Type(value = ManagedPolicy.class, name = "policy"),
    @JsonSubTypes.Type(value = UserCredentials.class, name = "credentials")
})
public sealed interface InventoryEntity permits IamUser, IamRole, IamGroup, ManagedPolicy, UserCredentials {

    /** The entity's ARN (for credentials, the user's or root's ARN). */
    String arn();

    /** The account the snapshot describes; {@code aws} for AWS managed policies, which belong to no account. */
    String accountId();

    /** When the snapshot was taken (the file's or object's modification time unless given explicitly). */
    Instant snapshotTime();

    /** The topic key: the ARN, with {@code #credentials} appended for a credential report row. */
    default String key() {
        return arn();
    }

    /** Which kind of snapshot produced this entity; a snapshot replaces only entities of its own source. */
    default SnapshotSource snapshotSource() {
        return SnapshotSource.AUTHORIZATION_DETAILS;
    }
}
