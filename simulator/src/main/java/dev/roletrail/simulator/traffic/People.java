package dev.roletrail.simulator.traffic;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.org.Habit;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.org.SimRole;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.org.UserDirectory;

/**
 * People at work: on weekdays (and now and then at a weekend) each signs in from a usual network, calls with the
 * long-term key, assumes a usual role and works with its session, some sign in through SSO. About one working day
 * in a hundred is spent travelling, from a network never seen before, with the person's usual client: that is what
 * real users do, and why new-network-for-key wants more than a new network. People with a console password also act
 * in the console after signing in (calls {@code invokedBy: signin.amazonaws.com} with the console session's key), and
 * now and then a person is refused a role they may not assume before assuming their own, as STS logs a refusal: once
 * is a typo, not an enumeration. People assume a role whose trust policy requires MFA with their MFA device.
 */
public final class People {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SAML_PROVIDER = "saml-provider/AcmeOkta";
    private static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "Version/17.4";
    /** One working day in this many starts with a refused assumption of a role the person may not assume. */
    private static final int REFUSED_ONE_IN = 40;
    /** What people look at in the console. */
    private static final List<ApiCalls.Api> CONSOLE_CALLS = List.of(
            new ApiCalls.Api("ec2.amazonaws.com", "DescribeInstances"),
            new ApiCalls.Api("s3.amazonaws.com", "ListBuckets"),
            new ApiCalls.Api("monitoring.amazonaws.com", "DescribeAlarms"),
            new ApiCalls.Api("cloudformation.amazonaws.com", "DescribeStacks"),
            new ApiCalls.Api("logs.amazonaws.com", "DescribeLogGroups"),
            new ApiCalls.Api("iam.amazonaws.com", "ListRoles"),
            new ApiCalls.Api("iam.amazonaws.com", "GetRole"));

    private final Organization org;
    private final EventFactory events;
    private final RandomGenerator random;
    private final int callsPerDay;
    private final double atWork;
    /** The roles whose trust policy requires MFA ({@link SimRole#requiresMfa}). */
    private final Set<String> mfaRoles;

    /**
     * @param callsPerDay the most calls a person makes in a working day
     * @param atWork      the share of people (other than the regulars) who work on a given working day: below 1 when
     *                    the events a day cannot give every person a day's work (a million users, a modest volume)
     */
    public People(Organization org, EventFactory events, int callsPerDay, double atWork) {
        this.org = org;
        this.events = events;
        this.random = events.random();
        this.callsPerDay = callsPerDay;
        this.atWork = atWork;
        this.mfaRoles = org.roles().stream().filter(SimRole::requiresMfa).map(SimRole::arn)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String mfaDevice(SimUser user) {
        return "arn:aws:iam::" + user.account() + ":mfa/" + user.name();
    }

    /** Each person's day, handed on between people; whether someone works is decided before deriving the user. */
    public void day(DayClock clock, EventBuffer out) throws IOException {
        UserDirectory users = org.users();
        for (int i = 0; i < users.size(); i++) {
            Habit habit = users.habit(i);
            boolean person = habit == Habit.DAILY || habit == Habit.SHARED;
            if (!person || !users.regular(i) && atWork < 1 && random.nextDouble() >= atWork) {
                continue;
            }
            SimUser user = users.get(i);
            if (clock.day().isBefore(user.joined()) || (clock.weekend() && random.nextInt(10) > 0)) {
                continue;
            }
            workday(user, clock, out.events());
            out.flushIfFull();
        }
    }

    private void workday(SimUser user, DayClock clock, List<ObjectNode> out) {
        String network = random.nextInt(100) == 0 ? Ids.network(random)
                : user.networks().get(random.nextInt(10) == 0 ? 1 : 0);
        String ip = network + "." + (2 + random.nextInt(250));
        String region = org.account(user.account()).homeRegion();
        Caller caller = new Caller(Identities.iamUser(user), user.account(), region, ip, user.userAgent());
        Instant t = clock.between(7, 10);
        if (user.consolePassword()) {
            out.add(consoleLogin(user, caller, t));
            t = inConsole(user, caller, t, clock, out);
        }
        int calls = 1 + random.nextInt(Math.max(1, callsPerDay));
        for (int i = 0; i < calls / 2 + 1; i++) {
            t = clock.after(t, 900);
            ApiCalls.Api api = ApiCalls.human(random);
            out.add(events.call(caller, api.source(), api.name(), t));
        }
        List<String> roles = user.roles().stream().filter(r -> !r.endsWith(":role/OrgAdmin") || random.nextInt(5) == 0)
                .toList();
        if (!roles.isEmpty()) {
            String role = roles.get(random.nextInt(roles.size()));
            Instant at = clock.after(t, 600);
            if (random.nextInt(REFUSED_ONE_IN) == 0 && refusedOnce(user, caller, at, out)) {
                at = clock.after(at, 120);
            }
            // A role whose trust policy requires MFA is assumed with the person's device, as it must be.
            EventFactory.Issued issued = mfaRoles.contains(role)
                    ? events.assumeWithMfa(caller, role, user.name(), at, Duration.ofHours(1), mfaDevice(user))
                    : events.assume(caller, "AssumeRole", role, user.name(), at, Duration.ofHours(1), false);
            out.add(issued.event());
            if (!issued.session().account().equals(user.account())) {
                out.add(events.ownerCopy(issued, user.account()));
            }
            Caller session = issued.session().caller(region, ip, user.userAgent());
            Instant s = issued.session().issuedAt();
            for (int i = 0; i < calls / 2; i++) {
                s = clock.after(s, 240);
                ApiCalls.Api api = ApiCalls.human(random);
                out.add(events.call(session, api.source(), api.name(), s));
            }
        }
        // About a third of the people also sign in through SSO (String.hashCode is specified, so this is stable).
        if (user.name().hashCode() % 3 == 0) {
            sso(user, clock, ip, region, out);
        }
    }

    private void sso(SimUser user, DayClock clock, String ip, String region, List<ObjectNode> out) {
        String provider = org.account(user.account()).arn(SAML_PROVIDER);
        String subject = user.name() + "@acme.example";
        Caller federated = new Caller(Identities.saml(provider, subject), user.account(), region, ip,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0");
        String role = org.account(user.account()).arn("role/SSO-Engineer");
        Instant t = clock.between(10, 16);
        EventFactory.Issued issued = events.assume(federated, "AssumeRoleWithSAML", role, subject, t,
                Duration.ofHours(1), false);
        issued.event().with("requestParameters").put("principalArn", provider);
        issued.event().with("responseElements").put("subject", subject).put("issuer", "http://www.okta.com/acme");
        out.add(issued.event());
        Caller session = issued.session().caller(region, ip, federated.userAgent());
        for (int i = 0; i < 3; i++) {
            t = clock.after(t, 300);
            ApiCalls.Api api = ApiCalls.human(random);
            out.add(events.call(session, api.source(), api.name(), t));
        }
    }

    /**
     * The person tries a role of the organisation they may not assume (the wrong account, a colleague's role) and STS
     * refuses; returns whether there was such a role.
     */
    private boolean refusedOnce(SimUser user, Caller caller, Instant at, List<ObjectNode> out) {
        List<SimRole> others = org.roles().stream()
                .filter(r -> r.kind() == RoleKind.SAME_ACCOUNT || r.kind() == RoleKind.CROSS_ACCOUNT)
                .filter(r -> !user.roles().contains(r.arn()))
                .toList();
        if (others.isEmpty()) {
            return false;
        }
        out.add(events.refusedAssume(caller, "AssumeRole", others.get(random.nextInt(others.size())).arn(), at,
                random.nextBoolean()));
        return true;
    }

    /**
     * A few calls in the console after signing in at {@code signedIn}: read with the console session's key, from the
     * person's address, IAM's in us-east-1 with the user agent AWS writes for them; returns the last call's time.
     */
    private Instant inConsole(SimUser user, Caller caller, Instant signedIn, DayClock clock, List<ObjectNode> out) {
        ObjectNode identity = Identities.consoleUser(user, Ids.awsId(random, "ASIA"), signedIn, true);
        Instant t = signedIn;
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            t = clock.after(t, 300);
            ApiCalls.Api api = CONSOLE_CALLS.get(random.nextInt(CONSOLE_CALLS.size()));
            boolean iam = api.source().equals("iam.amazonaws.com");
            Caller console = new Caller(identity, caller.account(), iam ? "us-east-1" : caller.region(),
                    caller.sourceIp(), iam ? "AWS Internal" : BROWSER);
            out.add(events.call(console, api.source(), api.name(), t));
        }
        return t;
    }

    private ObjectNode consoleLogin(SimUser user, Caller caller, Instant at) {
        ObjectNode identity = Identities.iamUser(user);
        identity.remove("accessKeyId");
        ObjectNode event = events.call(new Caller(identity, caller.account(), "us-east-1", caller.sourceIp(), BROWSER),
                "signin.amazonaws.com", "ConsoleLogin", at);
        event.set("responseElements", NODES.objectNode().put("ConsoleLogin", "Success"));
        event.set("additionalEventData", NODES.objectNode().put("MFAUsed", "Yes").put("MobileVersion", "No"));
        event.put("eventType", "AwsConsoleSignIn");
        event.put("readOnly", false);
        return event;
    }
}
