package dev.roletrail.simulator.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.org.Account;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.org.SimRole;

/**
 * EC2 Auto Scaling acting with its service-linked role in each account: every morning it scales out (launch template,
 * RunInstances), every evening in (instance status, TerminateInstances). As AWS logs it: the service's AssumeRole
 * ({@code userIdentity} of type AWSService, session name {@code AutoScaling}), then calls whose identity is the
 * AssumedRole session of {@code role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling} with
 * {@code invokedBy}, {@code sourceIPAddress} and {@code userAgent} all {@code autoscaling.amazonaws.com}.
 */
public final class AutoScaling {

    private static final String SERVICE = OrganizationBuilder.AUTOSCALING;
    private static final String SESSION = "AutoScaling";

    private final Organization org;
    private final EventFactory events;

    public AutoScaling(Organization org, EventFactory events) {
        this.org = org;
        this.events = events;
    }

    public void day(DayClock clock, List<ObjectNode> out) {
        for (SimRole role : org.roles(RoleKind.SERVICE_LINKED)) {
            Account account = org.account(role.account());
            Caller scaling = scaling(role, account, clock.between(7, 9), out);
            Instant t = Instant.parse(out.get(out.size() - 1).path("eventTime").asText());
            out.add(events.call(scaling, "ec2.amazonaws.com", "DescribeLaunchTemplateVersions", t.plusSeconds(2)));
            out.add(events.call(scaling, "ec2.amazonaws.com", "RunInstances", t.plusSeconds(4)));
            scaling = scaling(role, account, clock.between(19, 21), out);
            t = Instant.parse(out.get(out.size() - 1).path("eventTime").asText());
            out.add(events.call(scaling, "ec2.amazonaws.com", "DescribeInstanceStatus", t.plusSeconds(2)));
            out.add(events.call(scaling, "ec2.amazonaws.com", "TerminateInstances", t.plusSeconds(5)));
        }
    }

    /** The service assuming its role (the record is added to {@code out}), and the caller its session is. */
    private Caller scaling(SimRole role, Account account, Instant at, List<ObjectNode> out) {
        Caller service = new Caller(Identities.service(SERVICE), account.id(), account.homeRegion(), SERVICE,
                SERVICE);
        EventFactory.Issued issued = events.assume(service, "AssumeRole", role.arn(), SESSION, at,
                Duration.ofHours(1), false);
        out.add(issued.event());
        Caller session = issued.session().caller(account.homeRegion(), SERVICE, SERVICE);
        return new Caller(session.identity().deepCopy().put("invokedBy", SERVICE), session.account(),
                session.region(), SERVICE, SERVICE);
    }
}
