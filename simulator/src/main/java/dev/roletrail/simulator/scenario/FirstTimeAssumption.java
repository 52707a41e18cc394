package dev.roletrail.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Caller;
import dev.roletrail.simulator.traffic.EventFactory;

/**
 * A developer of a member account assumes the management account's Developer role, which they never did
 * (lateral movement across accounts, T1078.004; GuardDuty {@code PrivilegeEscalation:IAMUser/AnomalousBehavior}).
 */
public final class FirstTimeAssumption implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        SimUser user = context.worker(context.org().accounts().get(1).id(), 1);
        String role = context.org().management().arn("role/Developer");
        Caller caller = context.asUsual(user);
        EventFactory.Issued issued = context.events().assume(caller, "AssumeRole", role, user.name(), at,
                Duration.ofHours(1), false);
        out.add(issued.event());
        out.add(context.events().ownerCopy(issued, user.account()));
        Caller session = issued.session().caller(caller.region(), caller.sourceIp(), caller.userAgent());
        out.add(context.events().call(session, "s3.amazonaws.com", "ListBuckets", at.plusSeconds(30)));
        return Label.alerts("first-time-cross-account", "PrivilegeEscalation:IAMUser/AnomalousBehavior", at,
                at.plusSeconds(30), List.of(user.arn(), role), "first-time-assumption");
    }
}
