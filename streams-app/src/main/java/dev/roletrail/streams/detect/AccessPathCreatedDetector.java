package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Optional;

import static dev.roletrail.schemas.Strings.isBlank;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.cloudtrail.UserIdentity;
import dev.roletrail.streams.identity.Arns;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.TrustPolicy;

/**
 * {@code access-path-created}: a successful IAM call opens a new standing path into the account:
 * <pre>
 * CreateAccessKey, Create/UpdateLoginProfile: fires ⇔ userName ≠ caller's own user name (ignoring case)
 * CreateAccessKey by root without userName:   fires, CRITICAL (a root access key: nothing should ever hold one)
 * CreateRole, UpdateAssumeRolePolicy:         fires ⇔ ∃ Allow grant g: g = * ∨ external(account(g))
 * severity = CRITICAL if a grant is *, else HIGH
 * </pre>
 * The grants are the AWS principals of the trust policy's Allow statements ({@link TrustPolicy}). A call without
 * {@code userName} acts on the caller itself and is silent, unless the caller is root; any named user is "another
 * user" when the caller is not an IAM user (role session, root, federated user). The trust policy is the request's JSON string,
 * URL-encoded or not; external follows {@link KnownAccounts}. Being stateless, it cannot tell a newly added external
 * account from one the previous policy already had: every policy that names one fires, until the account is added to
 * {@code org.trusted-external-accounts}.
 */
public final class AccessPathCreatedDetector implements EventDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "access-path-created",
            "New standing access path created",
            Severity.HIGH,
            List.of("T1098", "T1098.001", "T1098.003"),
            "Confirm the change with the caller's owner; if unexpected, delete the new access key or login profile, "
                    + "or restore the trust policy, and review what the caller did before and after.");

    /** How many principals an alert names before it says "and N more" (policies are attacker-controlled). */
    private static final int NAMED_AT_MOST = 5;

    private final KnownAccounts accounts;

    public AccessPathCreatedDetector(DetectorSettings settings) {
        this.accounts = KnownAccounts.from(settings);
    }

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    @Override
    public Optional<Alert> evaluate(Observation observation) {
        CloudTrailRecord event = observation.event();
        if (!"iam.amazonaws.com".equals(event.eventSource()) || event.failed() || event.eventName() == null) {
            return Optional.empty();
        }
        return switch (event.eventName()) {
            case "CreateAccessKey" -> isRoot(observation) && isBlank(event.requestParameter("userName"))
                    ? rootKey(observation)
                    : forAnotherUser(observation, "access-key", "access key");
            case "CreateLoginProfile", "UpdateLoginProfile" ->
                    forAnotherUser(observation, "login-profile", "console password");
            case "CreateRole" -> trustOpened(observation, event.requestParameter("assumeRolePolicyDocument"));
            case "UpdateAssumeRolePolicy" -> trustOpened(observation, event.requestParameter("policyDocument"));
            default -> Optional.empty();
        };
    }

    private Optional<Alert> forAnotherUser(Observation observation, String kind, String what) {
        CloudTrailRecord event = observation.event();
        String target = event.requestParameter("userName");
        // IAM user names are unique regardless of case, so "Bob" and "bob" are the same user.
        if (target == null || target.isBlank() || target.equalsIgnoreCase(callerUserName(observation))) {
            return Optional.empty();
        }
        Principal caller = observation.principal();
        String userArn = "arn:" + Arns.partitionOf(caller.id()) + ":iam::" + account(observation) + ":user/" + target;
        String newKey = event.responseElement("/accessKey/accessKeyId");
        return Optional.of(AlertFactory.alert(INFO, INFO.severity(), kind + " for " + userArn, observation, null,
                "principals set up " + what + "s for themselves only",
                event.eventName() + " by " + caller.id() + " for user " + target
                        + (newKey == null ? "" : " (new key " + newKey + ")")));
    }

    private static Optional<Alert> rootKey(Observation observation) {
        String root = observation.principal().id();
        String newKey = observation.event().responseElement("/accessKey/accessKeyId");
        return Optional.of(AlertFactory.alert(INFO, Severity.CRITICAL, "access-key for " + root, observation, null,
                "the root user holds no access keys",
                "CreateAccessKey by root for itself" + (newKey == null ? "" : " (new key " + newKey + ")")));
    }

    private static boolean isRoot(Observation observation) {
        return observation.principal().type() == PrincipalType.ROOT;
    }

    private Optional<Alert> trustOpened(Observation observation, String document) {
        Optional<TrustPolicy> policy = TrustPolicy.parse(document);
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        String local = account(observation);
        List<TrustPolicy.Grant> opened = policy.get().grants().stream()
                .filter(grant -> grant.anyone() || accounts.isExternal(grant.account(), local))
                .toList();
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        boolean anyone = opened.stream().anyMatch(TrustPolicy.Grant::anyone);
        boolean conditional = opened.stream().anyMatch(TrustPolicy.Grant::conditional);
        String role = roleArn(observation, local);
        String principals = named(opened);
        return Optional.of(AlertFactory.alert(INFO, anyone ? Severity.CRITICAL : INFO.severity(),
                "trust of " + role + " -> " + principals, observation, role,
                "trust policies name only known accounts (" + accounts.describe(local) + ")",
                observation.event().eventName() + " lets " + principals + " assume " + role
                        + (conditional ? " (the statement has a Condition that may narrow it)" : "")));
    }

    /** The IAM user name the caller acts as, or null when the caller is not an IAM user. */
    private static String callerUserName(Observation observation) {
        if (observation.principal().type() != PrincipalType.IAM_USER) {
            return null;
        }
        UserIdentity identity = observation.event().userIdentity();
        String name = identity == null ? null : identity.userName();
        return name != null && !name.isBlank() ? name : Arns.nameOf(observation.principal().id());
    }

    /** The account the call changed: the recipient, else the caller's. */
    private static String account(Observation observation) {
        String recipient = observation.event().recipientAccountId();
        return recipient != null && !recipient.isBlank() ? recipient : observation.principal().accountId();
    }

    /** CreateRole's response names the role's ARN (with its path); otherwise it is rebuilt from the role name. */
    private static String roleArn(Observation observation, String account) {
        String created = observation.event().responseElement("/role/arn");
        if (created != null && !created.isBlank()) {
            return created;
        }
        String name = observation.event().requestParameter("roleName");
        return "arn:" + Arns.partitionOf(observation.principal().id()) + ":iam::" + account + ":role/"
                + (name == null || name.isBlank() ? "?" : name);
    }

    private static String named(List<TrustPolicy.Grant> grants) {
        List<String> values = grants.stream().map(TrustPolicy.Grant::principal).distinct().sorted().toList();
        String shown = String.join(", ", values.subList(0, Math.min(NAMED_AT_MOST, values.size())));
        return values.size() > NAMED_AT_MOST ? shown + " and " + (values.size() - NAMED_AT_MOST) + " more" : shown;
    }
}
