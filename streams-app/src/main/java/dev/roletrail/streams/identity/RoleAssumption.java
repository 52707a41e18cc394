package dev.roletrail.streams.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.Principals;

/**
 * A successful AssumeRole, AssumeRoleWithSAML or AssumeRoleWithWebIdentity: who assumed which role, and the
 * temporary key the new session signs with.
 */
public record RoleAssumption(Principal assumer, String roleArn, String how, String issuedKeyId, Instant at,
        boolean crossAccount, CloudTrailRecord event) {

    private static final Set<String> ASSUME_CALLS =
            Set.of("AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity");
    private static final Pattern ROLE_ACCOUNT = Pattern.compile("^arn:[\\w-]+:iam::(\\d{12}):role/.+$");

    public static Optional<RoleAssumption> from(CloudTrailRecord event) {
        if (!"sts.amazonaws.com".equals(event.eventSource()) || !ASSUME_CALLS.contains(event.eventName())
                || event.failed()) {
            return Optional.empty();
        }
        String roleArn = event.requestParameter("roleArn");
        if (roleArn == null || roleArn.isBlank()) {
            return Optional.empty();
        }
        Principal assumer = Principals.of(event);
        String roleAccount = accountOf(roleArn);
        boolean crossAccount = roleAccount != null && assumer.accountId() != null
                && !roleAccount.equals(assumer.accountId());
        return Optional.of(new RoleAssumption(assumer, roleArn, event.eventName(),
                event.responseElement("/credentials/accessKeyId"), event.eventTime(), crossAccount, event));
    }

    static String accountOf(String roleArn) {
        Matcher m = ROLE_ACCOUNT.matcher(roleArn);
        return m.matches() ? m.group(1) : null;
    }
}
