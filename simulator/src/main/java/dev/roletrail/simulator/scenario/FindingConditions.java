package dev.roletrail.simulator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.OwnerTags;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.org.SimRole;
import dev.roletrail.simulator.org.SimUser;

/**
 * The standing conditions the inventory and the traffic make true over the whole period, one label per finding
 * kind: they need no events of their own, only the organisation as built (see {@code OrganizationBuilder} and the
 * inventory writer).
 */
public final class FindingConditions {

    /** The roles machines assume: without an owner tag, unowned. */
    private static final Set<RoleKind> MACHINES = Set.of(RoleKind.EC2_SERVICE, RoleKind.LAMBDA_SERVICE,
            RoleKind.CHAIN_TARGET, RoleKind.OIDC_DEPLOY);

    private FindingConditions() {
    }

    public static List<Label> labels(ScenarioContext context) {
        Organization org = context.org();
        String mgmt = org.management().id();
        SimRole vendor = org.role(RoleKind.VENDOR, mgmt);
        SimRole batchRole = org.roleNamed(OrganizationBuilder.BATCH_ROLE).orElseThrow();
        SimRole shared = org.roleNamed(OrganizationBuilder.SHARED_ROLE).orElseThrow();
        SimUser dormant = org.user(OrganizationBuilder.DORMANT_KEY_USER);
        SimUser batch = org.user(OrganizationBuilder.BATCH_USER);
        SimUser inactive = org.user(OrganizationBuilder.INACTIVE_USER);
        SimUser sharedKey = org.user(OrganizationBuilder.SHARED_KEY_USER);
        List<String> unowned = new ArrayList<>(List.of(batchRole.arn(), dormant.arn(),
                org.user(OrganizationBuilder.DORMANT_USER).arn(), sharedKey.arn()));
        org.roles().stream().filter(r -> MACHINES.contains(r.kind()) && OwnerTags.owner(r.tags()).isEmpty())
                .forEach(r -> unowned.add(r.arn()));
        return List.of(
                finding(context, "unowned-identity", "workloads without an owner tag, or naming a leaver",
                        unowned, FindingKind.UNOWNED_IDENTITY),
                finding(context, "long-lived-key-used-by-workload", "batch job calling hourly with a long-term key",
                        List.of(batch.accessKeyId()), FindingKind.LONG_LIVED_KEY_USED_BY_WORKLOAD),
                finding(context, "shared-credential", "a person's key also used by a nightly cron job",
                        List.of(sharedKey.accessKeyId()), FindingKind.SHARED_CREDENTIAL),
                finding(context, "unused-role", "role nobody assumed in the period",
                        List.of(org.role(RoleKind.UNUSED, mgmt).arn()), FindingKind.UNUSED_ROLE),
                finding(context, "unused-trust-path", "vendor account trusted without ExternalId, never came",
                        List.of(vendor.arn(), vendor.trusted().get(1)), FindingKind.UNUSED_TRUST_PATH),
                finding(context, "unused-permissions", "batch role granted glue and athena, uses s3 and sqs",
                        List.of(batchRole.arn()), FindingKind.UNUSED_PERMISSIONS, FindingKind.LEAST_PRIVILEGE_POLICY),
                finding(context, "dormant-key", "active key last used 120 days before the period",
                        List.of(dormant.accessKeyId(), dormant.arn()), FindingKind.DORMANT_KEY),
                finding(context, "key-rotation-overdue", "workload key created 500 days ago, used hourly",
                        List.of(batch.accessKeyId(), batch.arn()), FindingKind.KEY_ROTATION_OVERDUE),
                finding(context, "inactive-user", "leaver with a console password and a key, no activity",
                        List.of(inactive.arn()), FindingKind.INACTIVE_USER),
                finding(context, "shared-role", "one role assumed by most of the management account's people",
                        List.of(shared.arn()), FindingKind.SHARED_ROLE),
                finding(context, "mfa-not-required", "break-glass role trusting the account's users without MFA",
                        List.of(org.role(RoleKind.BREAK_GLASS, mgmt).arn()),
                        FindingKind.MFA_NOT_REQUIRED_FOR_SENSITIVE_ROLE));
    }

    private static Label finding(ScenarioContext context, String id, String why, List<String> entities,
            FindingKind... kinds) {
        return Label.findings(id, why, context.start(), context.end(), entities, kinds);
    }
}
