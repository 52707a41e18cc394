package dev.roletrail.schemas.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.roletrail.schemas.WireIds;

/**
 * The kinds of unused and dormant access of PRODUCT.md §6, and the identity governance kinds of §6a, written as their
 * ids ({@code unused-role}, ...).
 */
public enum FindingKind {
    UNUSED_ROLE,
    UNUSED_TRUST_PATH,
    UNUSED_PERMISSIONS,
    DORMANT_KEY,
    KEY_ROTATION_OVERDUE,
    INACTIVE_USER,
    SHARED_ROLE,
    LEAST_PRIVILEGE_POLICY,
    MFA_NOT_REQUIRED_FOR_SENSITIVE_ROLE,
    UNOWNED_IDENTITY,
    LONG_LIVED_KEY_USED_BY_WORKLOAD,
    SHARED_CREDENTIAL;

    /** The id used on the wire, in the report and in configuration: {@code unused-trust-path}. */
    @JsonValue
    public String id() {
        return WireIds.of(this);
    }

    @JsonCreator
    public static FindingKind fromId(String id) {
        return WireIds.parse(FindingKind.class, id, "finding kind");
    }
}
