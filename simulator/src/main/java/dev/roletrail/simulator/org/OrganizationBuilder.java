package dev.roletrail.simulator.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import dev.roletrail.simulator.SimulationSpec;

/**
 * Draws an organisation for a spec: accounts, IAM users (most working daily; a few named ones the scenarios and the
 * findings need; see {@link UserDirectory}, which derives each from its index) and the roles of every trust shape.
 */
public final class OrganizationBuilder {

    public static final String OPS_ADMIN = "ops-admin";
    public static final String DORMANT_USER = "reporting-sync";
    public static final String DORMANT_KEY_USER = "legacy-export";
    public static final String INACTIVE_USER = "former-contractor";
    public static final String BATCH_USER = "svc-batch";
    /** A person whose long-term key a nightly cron job also uses ({@link Habit#SHARED}). */
    public static final String SHARED_KEY_USER = "morgan";
    /** The users with parts of their own in the scenarios and findings; the others are ordinary people. */
    public static final Set<String> NAMED = Set.of(OPS_ADMIN, DORMANT_USER, DORMANT_KEY_USER,
            INACTIVE_USER, BATCH_USER, SHARED_KEY_USER);
    public static final String SHARED_ROLE = "SharedOps";
    public static final String BATCH_ROLE = "BatchWorker";
    /** EC2 Auto Scaling's service-linked role, in every account, and the service behind it. */
    public static final String AUTOSCALING_ROLE = "AWSServiceRoleForAutoScaling";
    public static final String AUTOSCALING = "autoscaling.amazonaws.com";
    /** What the service does with it in the traffic, and all it is granted here (AWS's policy grants more). */
    public static final List<String> AUTOSCALING_ACTIONS = List.of("ec2:DescribeInstanceStatus",
            "ec2:DescribeLaunchTemplateVersions", "ec2:RunInstances", "ec2:TerminateInstances");
    /**
     * The owner tags drawn for the machines' roles: teams, a person by user name and one by email (both active), or
     * none. The batch role names the inactive leaver (an orphan); the management account's function has no tag; the
     * deploy role names the first person by email.
     */
    private static final List<Map<String, String>> WORKLOAD_TAGS = List.of(Map.of("team", "payments"),
            Map.of("Team", "web"), Map.of("owner", "data-platform"), Map.of("Owner", OPS_ADMIN),
            Map.of("owner", UserDirectory.FIRST_PERSON_EMAIL), Map.of("team", "platform"), Map.of(), Map.of());
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "eu-central-1", "us-west-2");

    private final SimulationSpec spec;
    private final RandomGenerator random;

    public OrganizationBuilder(SimulationSpec spec, RandomGenerator random) {
        this.spec = spec;
        this.random = random;
    }

    public Organization build() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < spec.accounts(); i++) {
            String name = i == 0 ? "management" : i == 1 ? "production" : "workload-" + i;
            accounts.add(new Account(String.format("%012d", 210_000_000_000L + 1_000_003L * (i + 1)), name,
                    List.of(REGIONS.get(i % REGIONS.size()), REGIONS.get((i + 1) % REGIONS.size()))));
        }
        List<String> vendors = List.of("904" + digits(9), "905" + digits(9));
        String outsider = "766" + digits(9);
        List<SimRole> untagged = roles(accounts, vendors);
        UserDirectory users = new UserDirectory(spec.users(), accounts, spec.start(), Ids.network(random),
                random.nextLong());
        List<SimRole> roles = untagged.stream().map(r -> new SimRole(r.account(), r.name(), r.kind(), r.trusted(),
                r.actions(), tags(r, accounts.get(0)))).toList();
        List<String> repositories = List.of("acme/payments-api", "acme/web-frontend", "acme/infrastructure");
        return new Organization("o-" + lowerAlnum(10), accounts, vendors, outsider, users, roles, repositories);
    }

    private List<SimRole> roles(List<Account> accounts, List<String> vendors) {
        Account management = accounts.get(0);
        List<SimRole> roles = new ArrayList<>();
        String root = management.arn("root");
        for (Account account : accounts) {
            String id = account.id();
            roles.add(new SimRole(id, "Developer", RoleKind.SAME_ACCOUNT, List.of(account.arn("root")),
                    List.of("s3:*", "ec2:Describe*", "logs:*", "lambda:*", "dynamodb:*")));
            roles.add(new SimRole(id, "ReadOnly", RoleKind.CROSS_ACCOUNT, List.of(root),
                    List.of("s3:List*", "s3:Get*", "ec2:Describe*", "iam:List*", "iam:Get*", "cloudtrail:LookupEvents")));
            roles.add(new SimRole(id, "SSO-Engineer", RoleKind.SAML,
                    List.of(account.arn("saml-provider/AcmeOkta")), List.of("s3:*", "ec2:*", "logs:*")));
            roles.add(new SimRole(id, "WebServer", RoleKind.EC2_SERVICE, List.of("ec2.amazonaws.com"),
                    List.of("s3:GetObject", "s3:PutObject", "dynamodb:GetItem", "dynamodb:PutItem", "kms:Decrypt")));
            roles.add(new SimRole(id, "OrdersFunction", RoleKind.LAMBDA_SERVICE, List.of("lambda.amazonaws.com"),
                    List.of("dynamodb:*", "sqs:*", "logs:CreateLogStream", "logs:PutLogEvents")));
            if (account != management) {
                roles.add(new SimRole(id, "DeployTarget", RoleKind.CHAIN_TARGET,
                        List.of(management.arn("role/GitHubDeploy")),
                        List.of("cloudformation:*", "s3:*", "lambda:UpdateFunctionCode", "iam:PassRole")));
            }
        }
        String mgmt = management.id();
        roles.add(new SimRole(mgmt, "GitHubDeploy", RoleKind.OIDC_DEPLOY,
                List.of(management.arn("oidc-provider/token.actions.githubusercontent.com")),
                List.of("sts:AssumeRole", "s3:PutObject", "s3:ListBucket", "cloudformation:*", "ecr:*")));
        roles.add(new SimRole(mgmt, "BreakGlassAccess", RoleKind.BREAK_GLASS, List.of(root), List.of("*")));
        roles.add(new SimRole(mgmt, "OrgAdmin", RoleKind.ADMIN, List.of(root), List.of("*")));
        roles.add(new SimRole(mgmt, SHARED_ROLE, RoleKind.SAME_ACCOUNT, List.of(root),
                List.of("ec2:*", "s3:*", "ssm:*", "rds:*")));
        roles.add(new SimRole(mgmt, BATCH_ROLE, RoleKind.SAME_ACCOUNT, List.of(management.arn("user/" + BATCH_USER)),
                List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                        "glue:*", "athena:*")));
        roles.add(new SimRole(mgmt, "VendorAudit", RoleKind.VENDOR,
                List.of("arn:aws:iam::" + vendors.get(0) + ":root", "arn:aws:iam::" + vendors.get(1) + ":root"),
                List.of("iam:Get*", "iam:List*", "s3:GetBucketPolicy", "cloudtrail:DescribeTrails")));
        roles.add(new SimRole(mgmt, "LegacyReporting", RoleKind.UNUSED, List.of(root),
                List.of("s3:GetObject", "athena:*", "quicksight:*")));
        for (Account account : accounts) {
            roles.add(new SimRole(account.id(), AUTOSCALING_ROLE, RoleKind.SERVICE_LINKED,
                    List.of(AUTOSCALING), AUTOSCALING_ACTIONS));
        }
        return roles;
    }

    /** A role's owner tags, by who uses it: see {@link #WORKLOAD_TAGS}; people's roles only the admins'. */
    private Map<String, String> tags(SimRole role, Account management) {
        boolean inManagement = role.account().equals(management.id());
        return switch (role.kind()) {
            case EC2_SERVICE, CHAIN_TARGET -> WORKLOAD_TAGS.get(random.nextInt(WORKLOAD_TAGS.size()));
            case LAMBDA_SERVICE -> inManagement ? Map.of() : WORKLOAD_TAGS.get(random.nextInt(WORKLOAD_TAGS.size()));
            case OIDC_DEPLOY -> Map.of("Owner", UserDirectory.FIRST_PERSON_EMAIL);
            case ADMIN, BREAK_GLASS -> Map.of("team", "platform");
            case VENDOR -> Map.of("owner", "security");
            case SAME_ACCOUNT -> role.name().equals(BATCH_ROLE) ? Map.of("owner", INACTIVE_USER) : Map.of();
            default -> Map.of();
        };
    }

    private String digits(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private String lowerAlnum(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return s.toString();
    }
}
