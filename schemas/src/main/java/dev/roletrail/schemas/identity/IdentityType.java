package dev.roletrail.schemas.identity;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an identity of the inventory is, which also says how its id reads: an ARN for a user, role or root, the key
 * id ({@code AKIA...}) for an access key, {@code federated:<provider>:<subject>} for a federated subject and
 * {@code account:<id>} for an external account.
 */
public enum IdentityType {
    IAM_USER,
    ROOT,
    ROLE,
    ACCESS_KEY,
    FEDERATED_SUBJECT,
    EXTERNAL_ACCOUNT;

    /** The id used on the wire: {@code access-key}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static IdentityType fromId(String id) {
        for (IdentityType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown identity type '" + id + "'");
    }
}
