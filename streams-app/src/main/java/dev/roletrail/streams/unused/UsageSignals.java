package dev.roletrail.streams.unused;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.detect.KnownAccounts;
import dev.roletrail.streams.identity.Arns;
import dev.roletrail.streams.identity.Lineage;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.RoleAssumption;
import dev.roletrail.streams.nhi.Trait;
import dev.roletrail.streams.unused.policy.CloudTrailActionMapper;

/**
 * Cuts the usage signals out of an observation: one for the acting role, user or root, and one more for the role a
 * successful AssumeRole* assumed. A refused call shows the identity is alive but used no permission, so its action is
 * left out.
 * <p>
 * For the identity inventory, also a {@link Trait} of the acting identity (a role, user or root, a federated subject,
 * or an account of another organisation), with the role the call assumed; an external caller's account gets one too;
 * and a creation for the user or role a successful CreateUser or CreateRole made, naming its creator: the origin of
 * the creator's session chain when known (the person behind the admin role), else the creator itself.
 */
public final class UsageSignals {

    private static final Set<PrincipalType> TRACKED = Set.of(PrincipalType.ROLE, PrincipalType.IAM_USER,
            PrincipalType.ROOT);
    /** Identities of the inventory that are no IAM entity: their traits are kept all the same. */
    private static final Set<PrincipalType> FEDERATED = Set.of(PrincipalType.SAML_USER,
            PrincipalType.WEB_IDENTITY_USER, PrincipalType.IDENTITY_CENTER_USER);

    private final CloudTrailActionMapper mapper;
    private final KnownAccounts accounts;

    public UsageSignals(CloudTrailActionMapper mapper, KnownAccounts accounts) {
        this.mapper = mapper;
        this.accounts = accounts;
    }

    /** With no organisation configured: an account is ours when the event shows it to be. */
    public UsageSignals(CloudTrailActionMapper mapper) {
        this(mapper, new KnownAccounts(Set.of(), Set.of()));
    }

    public List<UsageSignal> of(Observation observation) {
        CloudTrailRecord event = observation.event();
        List<UsageSignal> signals = new ArrayList<>(2);
        PrincipalType type = observation.principal().type();
        if (TRACKED.contains(type)) {
            String action = refused(event) ? null
                    : mapper.action(event.eventSource(), event.eventName()).orElse(null);
            String assumer = type == PrincipalType.ROLE ? sessionAssumer(observation.lineage()) : null;
            signals.add(new UsageSignal(observation.principal().id(), event.eventTime(), false, action,
                    observation.longTermKey() ? observation.accessKeyId() : null, assumer, null, null, null));
        }
        Optional<RoleAssumption> assumed = observation.roleAssumption();
        assumed.ifPresent(assumption -> signals.add(new UsageSignal(assumption.roleArn(),
                event.eventTime(), true, null, null, assumption.assumer().id(), observation.lineage().origin(),
                observation.network(), observation.userAgentFamily())));
        addTraits(observation, assumed.map(RoleAssumption::roleArn).orElse(null), signals);
        addCreation(observation, signals);
        return signals;
    }

    private void addTraits(Observation observation, String reached, List<UsageSignal> signals) {
        CloudTrailRecord event = observation.event();
        Principal principal = observation.principal();
        String account = principal.accountId();
        // Another organisation's, even when trusted on purpose: a vendor's account is still not ours.
        boolean external = account != null
                && !accounts.inOrganization(account, event.recipientAccountId(), Arns.accountOf(reached));
        boolean identity = TRACKED.contains(principal.type()) || FEDERATED.contains(principal.type())
                || principal.type() == PrincipalType.AWS_ACCOUNT && external;
        if (!identity && !(external && reached != null)) {
            return;
        }
        Trait trait = new Trait(credential(observation), observation.userAgentFamily(), observation.network(),
                Trait.spanOf(event.eventTime()));
        if (identity) {
            signals.add(UsageSignal.trait(principal.id(), event.eventTime(), trait, reached));
        }
        String accountId = Identity.externalAccountId(account);
        if (external && reached != null && !accountId.equals(principal.id())) {
            signals.add(UsageSignal.trait(accountId, event.eventTime(), trait, reached));
        }
    }

    /** The long-term key, a console password, or temporary credentials. */
    private static String credential(Observation observation) {
        if (observation.longTermKey()) {
            return observation.accessKeyId();
        }
        return "ConsoleLogin".equals(observation.event().eventName()) ? Trait.PASSWORD : Trait.SESSION;
    }

    private static void addCreation(Observation observation, List<UsageSignal> signals) {
        CloudTrailRecord event = observation.event();
        if (!"iam.amazonaws.com".equals(event.eventSource()) || event.failed()) {
            return;
        }
        String created = switch (event.eventName()) {
            case "CreateUser" -> event.responseElement("/user/arn");
            case "CreateRole" -> event.responseElement("/role/arn");
            default -> null;
        };
        if (created == null || created.isBlank()) {
            return;
        }
        // The chain's origin: the principal itself when it acted on its own or its session began before the data.
        signals.add(UsageSignal.creation(created, event.eventTime(), observation.lineage().origin()));
    }

    /** The principal one hop before the role in a known session chain, or null. */
    private static String sessionAssumer(Lineage lineage) {
        List<String> chain = lineage.chain();
        return lineage.sessionKnown() && chain.size() >= 2 ? chain.get(chain.size() - 2) : null;
    }

    private static boolean refused(CloudTrailRecord event) {
        String error = event.errorCode();
        return error != null && (error.contains("AccessDenied") || error.contains("Unauthorized")
                || error.contains("Forbidden"));
    }
}
