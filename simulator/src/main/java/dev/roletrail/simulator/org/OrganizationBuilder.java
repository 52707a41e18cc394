package dev.roletrail.simulator.org;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import dev.roletrail.simulator.SimulationSpec;

/**
 * Draws an organisation for a spec: accounts, IAM users (most working daily; a few named ones the scenarios and the
 * findings need) and the roles of every trust shape. The named users come first so that their names and keys do not
 * depend on how many other users there are.
 */
public final class OrganizationBuilder {

    public static final String OPS_ADMIN = "ops-admin";
    public static final String DORMANT_USER = "reporting-sync";
    public static final String DORMANT_KEY_USER = "legacy-export";
    public static final String INACTIVE_USER = "former-contractor";
    public static final String BATCH_USER = "svc-batch";
    /** The users with parts of their own in the scenarios and findings; the others are ordinary people. */
    public static final Set<String> NAMED = Set.of(OPS_ADMIN, DORMANT_USER, DORMANT_KEY_USER,
            INACTIVE_USER, BATCH_USER);
    public static final String SHARED_ROLE = "SharedOps";
    public static final String BATCH_ROLE = "BatchWorker";
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "eu-central-1", "us-west-2");
    private static final List<String> AGENTS = List.of(
            "aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/%s",
            "aws-cli/2.17.0 Python/3.11.9 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off",
            "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8",
            "aws-sdk-java/2.25.16 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.10 Java/17.0.10",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4");

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
        Account management = accounts.get(0);
        List<String> vendors = List.of("904" + digits(9), "905" + digits(9));
        String outsider = "766" + digits(9);
        List<SimRole> roles = roles(accounts, vendors);
        List<SimUser> users = users(accounts, management);
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
        return roles;
    }

    private List<SimUser> users(List<Account> accounts, Account management) {
        List<SimUser> users = new ArrayList<>();
        Instant start = spec.start();
        String mgmt = management.id();
        String office = Ids.network(random);
        users.add(user(mgmt, OPS_ADMIN, Habit.DAILY, office, true, start.minus(Duration.ofDays(60)), start,
                List.of(management.arn("role/OrgAdmin"), management.arn("role/" + SHARED_ROLE))));
        users.add(user(mgmt, DORMANT_USER, Habit.DORMANT, Ids.network(random), false,
                start.minus(Duration.ofDays(400)), start, List.of()));
        users.add(user(mgmt, DORMANT_KEY_USER, Habit.DORMANT, Ids.network(random), false,
                start.minus(Duration.ofDays(300)), start, List.of()));
        users.add(user(mgmt, INACTIVE_USER, Habit.INACTIVE, Ids.network(random), true,
                start.minus(Duration.ofDays(200)), start, List.of()));
        users.add(user(mgmt, BATCH_USER, Habit.SERVICE, Ids.network(random), false,
                start.minus(Duration.ofDays(500)), start, List.of(management.arn("role/" + BATCH_ROLE))));
        int generic = spec.users() - users.size();
        for (int i = 0; i < generic; i++) {
            Account account = accounts.get(i % accounts.size());
            boolean inManagement = account == management;
            List<String> roles = new ArrayList<>();
            roles.add(account.arn("role/Developer"));
            if (inManagement) {
                roles.add(management.arn("role/" + SHARED_ROLE));
                roles.add(accounts.get(1 + i % (accounts.size() - 1)).arn("role/ReadOnly"));
            }
            // Every seventh person joins in the second week: new principals that must stay quiet while learning.
            Instant joined = i % 7 == 6 ? start.plus(Duration.ofDays(8)) : start;
            String home = inManagement && random.nextInt(3) > 0 ? office : Ids.network(random);
            users.add(user(account.id(), personName(i), Habit.DAILY, home, random.nextInt(3) == 0,
                    start.minus(Duration.ofDays(10 + random.nextInt(200))), joined, roles));
        }
        return users;
    }

    private SimUser user(String account, String name, Habit habit, String network, boolean password,
            Instant keyCreated, Instant joined, List<String> roles) {
        String agent = String.format(AGENTS.get(random.nextInt(AGENTS.size())), "s3.ls");
        return new SimUser(account, name, Ids.awsId(random, "AIDA"), Ids.awsId(random, "AKIA"), habit,
                List.of(network, Ids.network(random)), agent, password, keyCreated, joined, roles);
    }

    private static String personName(int i) {
        List<String> first = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
                "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yuki");
        return first.get(i % first.size()) + (i < first.size() ? "" : Integer.toString(i / first.size()));
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
