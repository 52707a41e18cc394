package dev.roletrail.schemas.cloudtrail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.roletrail.schemas.Strings.firstNonBlank;
import static dev.roletrail.schemas.Strings.isBlank;

import dev.roletrail.schemas.cloudtrail.UserIdentity.SessionContext;

/** Derives the {@link Principal} that acted in a CloudTrail record, for every {@code userIdentity} shape. */
public final class Principals {

    /** The id prefix of a principal CloudTrail names by its account alone ({@code AWSAccount}). */
    public static final String ACCOUNT_PREFIX = "account:";


    /** {@code arn:<partition>:sts::<account>:assumed-role/<role-name>/<session>}. */
    private static final Pattern ASSUMED_ROLE_ARN =
            Pattern.compile("^arn:([\\w-]+):sts::(\\d{12}):assumed-role/([^/]+)/.*$");

    private Principals() {
    }

    public static Principal of(CloudTrailRecord record) {
        return of(record.userIdentity(), record.recipientAccountId());
    }

    /**
     * @param identity           the record's userIdentity, possibly null
     * @param recipientAccountId the account that received the call, used when the identity names none
     */
    public static Principal of(UserIdentity identity, String recipientAccountId) {
        if (identity == null) {
            return new Principal("unknown:" + orDash(recipientAccountId), PrincipalType.UNKNOWN, recipientAccountId);
        }
        PrincipalType type = PrincipalType.fromCloudTrail(identity.type());
        String account = firstNonBlank(identity.accountId(), recipientAccountId);
        return switch (type) {
            case IAM_USER, FEDERATED_USER -> byArn(identity, type, account);
            case ROLE -> new Principal(roleArn(identity), type, account);
            case ROOT -> new Principal(firstNonBlank(identity.arn(), "arn:aws:iam::" + orDash(account) + ":root"),
                    type, account);
            case AWS_SERVICE -> new Principal("service:" + firstNonBlank(identity.invokedBy(),
                    identity.principalId(), "unknown"), type, account);
            case AWS_ACCOUNT -> new Principal(ACCOUNT_PREFIX + orDash(account), type, account);
            case SAML_USER -> new Principal("saml:" + orDash(identity.identityProvider()) + "/"
                    + firstNonBlank(identity.userName(), identity.principalId(), "-"), type, account);
            case WEB_IDENTITY_USER -> new Principal("web-identity:" + orDash(identity.identityProvider()) + "/"
                    + firstNonBlank(identity.userName(), identity.principalId(), "-"), type, account);
            case IDENTITY_CENTER_USER -> identityCenter(identity, account);
            case UNKNOWN -> new Principal("unknown:" + firstNonBlank(identity.arn(), identity.principalId(),
                    account, "-"), type, account);
        };
    }

    /**
     * The role behind an assumed-role session: the session issuer's ARN (which keeps the role's path), else the
     * role rebuilt from the assumed-role ARN.
     */
    static String roleArn(UserIdentity identity) {
        SessionContext context = identity.sessionContext();
        if (context != null && context.sessionIssuer() != null && !isBlank(context.sessionIssuer().arn())) {
            return context.sessionIssuer().arn();
        }
        String arn = identity.arn();
        if (arn != null) {
            Matcher m = ASSUMED_ROLE_ARN.matcher(arn);
            if (m.matches()) {
                return "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3);
            }
            return arn;
        }
        return "unknown:" + firstNonBlank(identity.principalId(), "-");
    }

    private static Principal byArn(UserIdentity identity, PrincipalType type, String account) {
        String id = firstNonBlank(identity.arn(), identity.principalId(), "-");
        return new Principal(isBlank(identity.arn()) ? "unknown:" + id : id, type, account);
    }

    private static Principal identityCenter(UserIdentity identity, String account) {
        UserIdentity.OnBehalfOf user = identity.onBehalfOf();
        String id = user == null
                ? firstNonBlank(identity.userName(), identity.principalId(), "-")
                : orDash(user.identityStoreArn()) + "/" + orDash(user.userId());
        return new Principal("identity-center:" + id, PrincipalType.IDENTITY_CENTER_USER, account);
    }

    private static String orDash(String value) {
        return isBlank(value) ? "-" : value;
    }

    /**
     * Whether a principal id names an account alone: the role owner's copy of a cross-account call, or a caller of
     * an account whose trail RoleTrail does not read.
     */
    public static boolean accountOnly(String principalId) {
        return principalId != null && principalId.startsWith(ACCOUNT_PREFIX);
    }
}
