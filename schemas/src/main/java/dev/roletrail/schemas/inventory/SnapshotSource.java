package dev.roletrail.schemas.inventory;

/** The two IAM snapshots RoleTrail reads; each replaces only what an earlier snapshot of the same kind wrote. */
public enum SnapshotSource {
    /** {@code aws iam get-account-authorization-details}: users, roles, groups, managed policies. */
    AUTHORIZATION_DETAILS,
    /** {@code aws iam generate-credential-report}: passwords, access keys and certificates per user. */
    CREDENTIAL_REPORT
}
