package dev.roletrail.schemas.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.roletrail.schemas.WireIds;

/**
 * What an identity of the inventory is, which also says how its id reads: an ARN for a user, role or root, the key
 * id ({@code AKIA...}) for an access key, the principal id for a federated subject
 * ({@code web-identity:<provider>/<subject>}, {@code saml:<provider>/<user>}, {@code identity-center:...}) and
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
        return WireIds.of(this);
    }

    @JsonCreator
    public static IdentityType fromId(String id) {
        return WireIds.parse(IdentityType.class, id, "identity type");
    }
}
