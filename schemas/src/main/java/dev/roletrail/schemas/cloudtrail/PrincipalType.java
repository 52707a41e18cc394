package dev.roletrail.schemas.cloudtrail;

import java.util.Locale;

/** What kind of acting identity a {@link Principal} is, normalised from {@code userIdentity.type}. */
public enum PrincipalType {
    IAM_USER,
    ROLE,
    ROOT,
    FEDERATED_USER,
    AWS_SERVICE,
    AWS_ACCOUNT,
    SAML_USER,
    WEB_IDENTITY_USER,
    IDENTITY_CENTER_USER,
    UNKNOWN;

    /** Maps CloudTrail's type string; anything unrecognised (or absent) is {@link #UNKNOWN}. */
    public static PrincipalType fromCloudTrail(String type) {
        if (type == null) {
            return UNKNOWN;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "iamuser" -> IAM_USER;
            case "assumedrole" -> ROLE;
            case "root" -> ROOT;
            case "federateduser" -> FEDERATED_USER;
            case "awsservice" -> AWS_SERVICE;
            case "awsaccount" -> AWS_ACCOUNT;
            case "samluser" -> SAML_USER;
            case "webidentityuser" -> WEB_IDENTITY_USER;
            case "identitycenteruser" -> IDENTITY_CENTER_USER;
            default -> UNKNOWN;
        };
    }
}
