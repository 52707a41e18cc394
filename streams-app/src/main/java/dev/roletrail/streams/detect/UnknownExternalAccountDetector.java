package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.streams.identity.Arns;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.RoleAssumption;

/**
 * {@code unknown-external-account}: a successful AssumeRole* of one of our roles whose assumer lives in an account we
 * do not know:
 * <pre>
 * fires ⇔ assumed(role) ∧ inOrganization(account(role)) ∧ external(account(assumer))
 * </pre>
 * Both copies of a cross-account call qualify: the caller's (an IAM user, role session, root or federated user of the
 * other account) and the role owner's (userIdentity type AWSAccount, principal {@code account:<id>}). Known and
 * external follow {@link KnownAccounts}: with {@code org.accounts} empty, only the role's account and the recipient
 * account are ours. SAML, web-identity and AWS-service assumers carry no account of their own and never fire.
 */
public final class UnknownExternalAccountDetector implements EventDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "unknown-external-account",
            "Role assumed from an unknown external account",
            Severity.HIGH,
            List.of("T1199", "T1078.004"),
            "Ask the role's owner whether this account should reach it; if not, revoke the role's sessions and remove "
                    + "the account from the role's trust policy, else add it to org.trusted-external-accounts.");

    /** Assumers that carry the account they act from. */
    private static final Set<PrincipalType> ACCOUNT_BEARING = Set.of(PrincipalType.IAM_USER, PrincipalType.ROLE,
            PrincipalType.ROOT, PrincipalType.FEDERATED_USER, PrincipalType.AWS_ACCOUNT);

    private final KnownAccounts accounts;

    public UnknownExternalAccountDetector(DetectorSettings settings) {
        this.accounts = KnownAccounts.from(settings);
    }

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    @Override
    public Optional<Alert> evaluate(Observation observation) {
        Optional<RoleAssumption> found = observation.roleAssumption();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RoleAssumption assumption = found.get();
        Principal assumer = assumption.assumer();
        String from = assumer.accountId();
        String roleAccount = Arns.accountOf(assumption.roleArn());
        String recipient = observation.event().recipientAccountId();
        if (!ACCOUNT_BEARING.contains(assumer.type()) || !Arns.isAccountId(from)
                || !accounts.inOrganization(roleAccount, roleAccount, recipient)
                || !accounts.isExternal(from, roleAccount, recipient)) {
            return Optional.empty();
        }
        return Optional.of(AlertFactory.alert(INFO, INFO.severity(), "account:" + from + " -> " + assumption.roleArn(),
                observation, assumption.roleArn(),
                "roles are assumed from known accounts only (" + accounts.describe(roleAccount, recipient) + ")",
                assumption.how() + " of " + assumption.roleArn() + " from account " + from + " by " + assumer.id()));
    }
}
