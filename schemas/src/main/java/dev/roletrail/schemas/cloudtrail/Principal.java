package dev.roletrail.schemas.cloudtrail;

import java.util.Objects;

/**
 * A stable id for an acting identity: the IAM user ARN, the role ARN (for an assumed-role session, the session
 * issuer, not the session), the root ARN, the federated user ARN, {@code saml:<provider>/<subject>},
 * {@code web-identity:<provider>/<subject>}, {@code identity-center:<store>/<user>}, {@code service:<name>},
 * {@code account:<id>}, or {@code unknown:<principalId or account>}.
 */
public record Principal(String id, PrincipalType type, String accountId) {

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (id.isBlank()) {
            throw new IllegalArgumentException("principal id must not be blank");
        }
    }
}
