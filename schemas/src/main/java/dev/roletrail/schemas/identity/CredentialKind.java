package dev.roletrail.schemas.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.roletrail.schemas.WireIds;

/** The secrets an identity signs in or calls with, the thing NHI programmes want rotated or gone. */
public enum CredentialKind {
    /** Long-lived access keys ({@code AKIA...}) only. */
    LONG_LIVED_KEY,
    /** A console password (login profile) only. */
    PASSWORD,
    /** Both a console password and long-lived access keys. */
    PASSWORD_AND_LONG_LIVED_KEY,
    /** Temporary credentials only: a role, a federated subject or an external account's sessions. */
    TEMPORARY_ONLY,
    /** A user with neither password nor active key. */
    NONE;

    @JsonValue
    public String id() {
        return WireIds.of(this);
    }

    @JsonCreator
    public static CredentialKind fromId(String id) {
        return WireIds.parse(CredentialKind.class, id, "credential kind");
    }
}
