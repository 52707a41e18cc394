package dev.roletrail.simulator.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.org.SimRole;

/**
 * The first trusted vendor's scanner assumes the vendor role once a day and reads IAM. Our trail only holds the
 * role owner's copy of the call (the vendor's account is not ours). The second vendor, also trusted by the role,
 * never comes: an unused trust path.
 */
public final class Vendors {

    private final Organization org;
    private final EventFactory events;
    private final RandomGenerator random;
    private final String network;

    public Vendors(Organization org, EventFactory events) {
        this.org = org;
        this.events = events;
        this.random = events.random();
        this.network = Ids.network(random);
    }

    public void day(DayClock clock, List<ObjectNode> out) {
        SimRole role = org.role(RoleKind.VENDOR, org.management().id());
        assumeFrom(org.vendors().get(0), role.arn(), clock.between(2, 4), Ids.host(random, network), out);
    }

    /** An external account's principal assuming one of our roles, and a few reads with the session. */
    public RoleSession assumeFrom(String account, String roleArn, Instant at, String ip, List<ObjectNode> out) {
        Caller caller = new Caller(Identities.otherAccount(account, Ids.awsId(random, "AIDA")),
                org.management().id(), org.management().homeRegion(), ip, "aws-sdk-go/1.51.21 (go1.22.2; linux; amd64)");
        EventFactory.Issued issued = events.assume(caller, "AssumeRole", roleArn, "scanner-" + account, at,
                Duration.ofHours(1), false);
        issued.event().put("recipientAccountId", issued.session().account());
        out.add(issued.event());
        Caller session = issued.session().caller(org.management().homeRegion(), ip, caller.userAgent());
        out.add(events.call(session, "iam.amazonaws.com", "GetAccountAuthorizationDetails", at.plusSeconds(4)));
        out.add(events.call(session, "cloudtrail.amazonaws.com", "DescribeTrails", at.plusSeconds(9)));
        return issued.session();
    }
}
