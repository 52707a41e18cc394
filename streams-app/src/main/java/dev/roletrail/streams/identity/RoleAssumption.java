package dev.roletrail.streams.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.Principals;

/**
 * A successful AssumeRole, AssumeRoleWithSAML or AssumeRoleWithWebIdentity: who assumed which role, and the
 * temporary key the new session signs with.
 */
public record RoleAssumption(Principal assumer, String roleArn, String how, String issuedKeyId, Instant at,
        boolean crossAccount, CloudTrailRecord event) {

    /** The STS calls that assume a role (AssumeRoot, for the root user, is not one). */
    public static final Set<String> CALLS = Set.of("AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity");

    public static Optional<RoleAssumption> from(CloudTrailRecord event) {
        if (!"sts.amazonaws.com".equals(event.eventSource()) || !CALLS.contains(event.eventName())
                || event.failed()) {
            return Optional.empty();
        }
        String roleArn = event.requestParameter("roleArn");
        if (roleArn == null || roleArn.isBlank()) {
            return Optional.empty();
        }
        Principal assumer = Principals.of(event);
        String roleAccount = Arns.accountOf(roleArn);
        boolean crossAccount = roleAccount != null && assumer.accountId() != null
                && !roleAccount.equals(assumer.accountId());
        return Optional.of(new RoleAssumption(assumer, roleArn, event.eventName(),
                event.responseElement("/credentials/accessKeyId"), event.eventTime(), crossAccount, event));
    }
}
