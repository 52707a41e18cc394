package dev.roletrail.streams.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;

/**
 * An {@code sts:AssumeRole*} call (AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity), allowed or refused.
 * Unlike {@link RoleAssumption}, which is only the calls that succeeded, this is every attempt.
 *
 * @param roleArn the role asked for
 * @param denied  whether STS refused it with AccessDenied
 * @param at      event time
 */
public record AssumeRoleCall(String roleArn, boolean denied, Instant at) {

    public AssumeRoleCall {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(at, "at");
    }

    public static Optional<AssumeRoleCall> from(CloudTrailRecord event) {
        String name = event.eventName();
        if (!"sts.amazonaws.com".equals(event.eventSource()) || name == null || !name.startsWith("AssumeRole")
                || event.eventTime() == null) {
            return Optional.empty();
        }
        String roleArn = event.requestParameter("roleArn");
        if (roleArn == null || roleArn.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AssumeRoleCall(roleArn, accessDenied(event.errorCode()), event.eventTime()));
    }

    /** AccessDenied as CloudTrail writes it, or a variant such as Client.AccessDenied or AccessDeniedException. */
    static boolean accessDenied(String errorCode) {
        return errorCode != null && errorCode.toLowerCase(Locale.ROOT).contains("accessdenied");
    }
}
