package dev.roletrail.schemas.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.roletrail.schemas.WireIds;

/**
 * Who is behind an identity, as inferred from how it is used (PRODUCT.md §6a), written as its id ({@code human},
 * {@code federated-workload}, ...).
 */
public enum IdentityKind {
    /** Console sign-ins, SAML / Identity Center sessions, interactive clients, office-hours use. */
    HUMAN,
    /** SDK clients, use around the clock, from AWS or CI networks. */
    WORKLOAD,
    /** An AWS service acting for itself: a service-linked role, or a role only services use. */
    AWS_SERVICE,
    /** An OIDC subject, such as a CI repository and branch. */
    FEDERATED_WORKLOAD,
    /** Another organisation's account. */
    EXTERNAL,
    /** One credential used both by a person and by automation. */
    MIXED,
    /** Granted but not seen in the trail: there is no behaviour to judge. */
    UNKNOWN;

    /** The id used on the wire, in the query API, the report and configuration: {@code federated-workload}. */
    @JsonValue
    public String id() {
        return WireIds.of(this);
    }

    @JsonCreator
    public static IdentityKind fromId(String id) {
        return WireIds.parse(IdentityKind.class, id, "identity kind");
    }
}
