package dev.roletrail.simulator.traffic;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.org.Account;
import dev.roletrail.simulator.org.Habit;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.org.SimRole;
import dev.roletrail.simulator.org.SimUser;

/**
 * Machines, around the clock: EC2 instances whose role credentials EC2 renews every six hours and which call from
 * their private address, Lambda functions assumed by the Lambda service, the batch user's hourly role assumptions
 * (with its long-term key, from a cloud server: a workload that should have a role), the nightly cron job that
 * shares a person's key ({@link Habit#SHARED}), and events AWS services record themselves ("AWS Internal").
 */
public final class Workloads {

    /** The SDK the instances and the batch user call with. */
    public static final String SDK = "aws-sdk-java/2.25.16 Linux/5.10.213-201.855.amzn2.x86_64 Java/17.0.10";
    /** The cron job sharing a person's key: a Python script on a cloud server. */
    public static final String CRON_SDK = "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.219-208.866.amzn2"
            + ".x86_64 md/arch#x86_64 lang/python#3.9.16 cfg/retry-mode#legacy Botocore/1.34.69";
    /** The hour (UTC) the cron job runs, every day. */
    public static final int CRON_HOUR = 2;

    /** An EC2 instance: its id (the role session name) and private address. */
    public record Instance(String account, String region, String id, String ip) {
    }

    private final Organization org;
    private final EventFactory events;
    private final RandomGenerator random;
    private final double callsPerHour;
    private final List<Instance> instances = new ArrayList<>();
    private final List<String> lambdaNetworks = new ArrayList<>();
    /** The cloud server the shared key's cron job runs on. */
    private final String cronHost;

    public Workloads(Organization org, EventFactory events, double callsPerHour) {
        this.org = org;
        this.events = events;
        this.random = events.random();
        this.callsPerHour = callsPerHour;
        for (Account account : org.accounts()) {
            for (int i = 0; i < 2; i++) {
                instances.add(new Instance(account.id(), account.homeRegion(), Ids.instanceId(random),
                        "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (4 + random.nextInt(200))));
            }
            lambdaNetworks.add(Ids.network(random));
        }
        this.cronHost = Ids.host(random, Ids.awsNetwork(random));
    }

    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    /** The machines' day, handed on after each instance session and each account's functions. */
    public void day(DayClock clock, EventBuffer buffer) throws IOException {
        for (Instance instance : instances) {
            for (int quarter = 0; quarter < 4; quarter++) {
                List<ObjectNode> out = buffer.events();
                RoleSession session = instanceSession(instance, clock.hour(quarter * 6).plusSeconds(random.nextInt(300)),
                        out);
                Caller caller = session.caller(instance.region(), instance.ip(), SDK);
                for (int hour = 0; hour < 6; hour++) {
                    Instant t = session.issuedAt().plus(Duration.ofHours(hour));
                    for (int i = events.count(callsPerHour); i > 0; i--) {
                        ApiCalls.Api api = ApiCalls.workload(random);
                        out.add(events.call(caller, api.source(), api.name(), t.plusSeconds(random.nextInt(3500))));
                    }
                }
                buffer.flushIfFull();
            }
        }
        for (int a = 0; a < org.accounts().size(); a++) {
            List<ObjectNode> out = buffer.events();
            lambda(org.accounts().get(a), lambdaNetworks.get(a), clock, out);
            out.add(events.serviceEvent(org.accounts().get(a).id(), org.accounts().get(a).homeRegion(),
                    "kms.amazonaws.com", "RotateKey", clock.between(0, 24)));
            buffer.flushIfFull();
        }
        for (SimUser batch : org.named(Habit.SERVICE)) {
            batch(batch, clock, buffer.events());
        }
        for (SimUser shared : org.named(Habit.SHARED)) {
            cron(shared, clock, buffer.events());
        }
    }

    /**
     * The nightly job using a person's long-term key: a minute or so after {@link #CRON_HOUR} every day, weekends
     * included, from the same cloud server with an SDK; it lists the buckets and the snapshots to export.
     */
    private void cron(SimUser user, DayClock clock, List<ObjectNode> out) {
        Account account = org.account(user.account());
        Caller caller = new Caller(Identities.iamUser(user), user.account(), account.homeRegion(), cronHost, CRON_SDK);
        Instant t = clock.hour(CRON_HOUR).plusSeconds(random.nextInt(90));
        out.add(events.call(caller, "s3.amazonaws.com", "ListBuckets", t));
        out.add(events.call(caller, "ec2.amazonaws.com", "DescribeSnapshots", t.plusSeconds(1 + random.nextInt(5))));
    }

    /** EC2 delivering (renewing) an instance profile's credentials. */
    public RoleSession instanceSession(Instance instance, Instant at, List<ObjectNode> out) {
        SimRole role = org.role(RoleKind.EC2_SERVICE, instance.account());
        Caller ec2 = new Caller(Identities.service("ec2.amazonaws.com"), instance.account(), instance.region(),
                "ec2.amazonaws.com", "ec2.amazonaws.com");
        EventFactory.Issued issued = events.assume(ec2, "AssumeRole", role.arn(), instance.id(), at,
                Duration.ofHours(6), true);
        out.add(issued.event());
        return issued.session();
    }

    private void lambda(Account account, String network, DayClock clock, List<ObjectNode> out) {
        SimRole role = org.role(RoleKind.LAMBDA_SERVICE, account.id());
        Caller service = new Caller(Identities.service("lambda.amazonaws.com"), account.id(), account.homeRegion(),
                "lambda.amazonaws.com", "lambda.amazonaws.com");
        for (int slot = 0; slot < 6; slot++) {
            EventFactory.Issued issued = events.assume(service, "AssumeRole", role.arn(), "OrdersFunction",
                    clock.hour(slot * 4).plusSeconds(random.nextInt(600)), Duration.ofHours(12), false);
            out.add(issued.event());
            Caller function = issued.session().caller(account.homeRegion(), Ids.host(random, network),
                    "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10 lang/python#3.12.2 exec-env/AWS_Lambda_python3.12");
            for (int i = events.count(4 * callsPerHour); i > 0; i--) {
                out.add(events.call(function, "dynamodb.amazonaws.com", "DescribeTable",
                        issued.session().issuedAt().plusSeconds(1 + random.nextInt(14_000))));
            }
        }
    }

    private void batch(SimUser user, DayClock clock, List<ObjectNode> out) {
        Account account = org.account(user.account());
        String ip = user.networks().get(0) + ".17";
        Caller caller = new Caller(Identities.iamUser(user), user.account(), account.homeRegion(), ip, SDK);
        for (int hour = 0; hour < 24; hour++) {
            int runs = 1 + random.nextInt(2);
            for (int i = 0; i < runs; i++) {
                Instant t = clock.hour(hour).plusSeconds(random.nextInt(3000));
                EventFactory.Issued issued = events.assume(caller, "AssumeRole", user.roles().get(0),
                        "batch-" + hour + "-" + i, t, Duration.ofHours(1), false);
                out.add(issued.event());
                Caller session = issued.session().caller(account.homeRegion(), ip, SDK);
                out.add(events.call(session, "s3.amazonaws.com", "ListBuckets", t.plusSeconds(20)));
            }
            if (hour % 6 == 0) {
                out.add(events.call(caller, "sqs.amazonaws.com", "ListQueues", clock.hour(hour).plusSeconds(3100)));
            }
        }
    }
}
