package dev.roletrail.simulator.truth;

import java.util.Objects;

import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.schemas.identity.IdentityType;

/**
 * An identity of the inventory as the simulator built it, named as RoleTrail's {@code Identity} names it: a user or
 * role ARN, an access key id ({@code AKIA...}), a federated subject as RoleTrail names the principal
 * ({@code web-identity:<provider>/<subject>}, {@code saml:<provider>/<user>}) or {@code account:<id>}.
 *
 * @param kind  who is behind it by construction ({@link IdentityRules})
 * @param owner the owner its tags name (the first of RoleTrail's default owner tag keys; a key: its user's), or null
 */
public record ExpectedIdentity(String id, IdentityType type, IdentityKind kind, String owner) {

    public ExpectedIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
    }
}
