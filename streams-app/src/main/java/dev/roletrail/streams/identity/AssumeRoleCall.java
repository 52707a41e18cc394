package dev.roletrail.streams.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;

/**
 * An {@code sts:AssumeRole*} call (AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity), allowed or refused.
 * Unlike {@link RoleAssumption}, which is only the calls that succeeded, this is every attempt.
 * <p>
 * CloudTrail often logs a refused call with {@code requestParameters: null}; the role then appears only in
 * {@code errorMessage} ("User: arn:… is not authorized to perform: sts:AssumeRole on resource: arn:…:role/X"), and
 * when it does not, the call still counts, for the role {@link #UNKNOWN_ROLE}.
 *
 * @param roleArn the role asked for, or {@link #UNKNOWN_ROLE} when the record does not say
 * @param denied  whether STS refused it (AccessDenied and its variants, UnauthorizedOperation)
 * @param at      event time
 */
public record AssumeRoleCall(String roleArn, boolean denied, Instant at) {

    /** The role of a refused call whose record names none. */
    public static final String UNKNOWN_ROLE = "unknown-role";

    /** The resource of STS's refusal message: an ARN up to the next blank, quote or the end. */
    private static final Pattern REFUSED_RESOURCE =
            Pattern.compile("sts:AssumeRole\\w* on resource: (arn:[^\\s\"',]+)");

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
        boolean denied = refused(event.errorCode());
        String roleArn = event.requestParameter("roleArn");
        if (roleArn == null || roleArn.isBlank()) {
            if (!denied) {
                return Optional.empty();
            }
            roleArn = refusedRole(event.errorMessage());
        }
        return Optional.of(new AssumeRoleCall(roleArn, denied, event.eventTime()));
    }

    /** Whether the call asked for a role the record does not name. */
    public boolean roleKnown() {
        return !UNKNOWN_ROLE.equals(roleArn);
    }

    /**
     * A refusal as CloudTrail writes it: AccessDenied or a variant such as Client.AccessDenied or
     * AccessDeniedException, or (Client.)UnauthorizedOperation.
     */
    static boolean refused(String errorCode) {
        if (errorCode == null) {
            return false;
        }
        String code = errorCode.toLowerCase(Locale.ROOT);
        return code.contains("accessdenied") || code.contains("unauthorizedoperation");
    }

    /** The role named by STS's refusal message, or {@link #UNKNOWN_ROLE}. */
    static String refusedRole(String errorMessage) {
        if (errorMessage == null) {
            return UNKNOWN_ROLE;
        }
        Matcher m = REFUSED_RESOURCE.matcher(errorMessage);
        if (!m.find()) {
            return UNKNOWN_ROLE;
        }
        String arn = m.group(1);
        return arn.endsWith(".") ? arn.substring(0, arn.length() - 1) : arn;
    }
}
