package dev.roletrail.schemas.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of the IAM credential report: a user's (or the root's) password, MFA, access keys and certificates. Key:
 * {@code <arn>#credentials}, so it sits beside the user entity of the authorization details.
 *
 * @param passwordEnabled null when the report says {@code not_supported} (the root row)
 */
public record UserCredentials(
        String arn,
        String accountId,
        Instant snapshotTime,
        String user,
        Instant userCreationTime,
        Boolean passwordEnabled,
        Instant passwordLastUsed,
        Instant passwordLastChanged,
        boolean mfaActive,
        List<AccessKeyReport> accessKeys,
        List<CertificateReport> certificates) implements InventoryEntity {

    public static final String KEY_SUFFIX = "#credentials";

    public UserCredentials {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(snapshotTime, "snapshotTime");
        Objects.requireNonNull(user, "user");
        accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    @Override
    public String key() {
        return arn + KEY_SUFFIX;
    }

    @Override
    public SnapshotSource snapshotSource() {
        return SnapshotSource.CREDENTIAL_REPORT;
    }

    /**
     * One of the (at most two) access key slots of a user; the report names no key id.
     *
     * @param slot 1 or 2
     */
    public record AccessKeyReport(int slot, boolean active, Instant lastRotated, Instant lastUsed,
            String lastUsedRegion, String lastUsedService) {
    }

    /** One of the (at most two) signing certificate slots of a user. */
    public record CertificateReport(int slot, boolean active, Instant lastRotated) {
    }
}
