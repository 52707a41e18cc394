package dev.roletrail.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.Account;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Caller;
import dev.roletrail.simulator.traffic.EventFactory;
import dev.roletrail.simulator.traffic.RoleSession;

/**
 * Role juggling to hide the origin: user → Developer → ReadOnly (other account) → DeployTarget, three hops where the
 * organisation never chains more than two (T1550.001; GuardDuty {@code Stealth:IAMUser/...}). The hops the roles
 * never made before are first-time assumptions as well.
 */
public final class UnusualChain implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        Account management = context.org().management();
        Account other = context.org().accounts().get(1);
        SimUser user = context.worker(management.id(), 4);
        Caller caller = context.asUsual(user);
        List<String> roles = List.of(management.arn("role/Developer"), other.arn("role/ReadOnly"),
                other.arn("role/DeployTarget"));
        Instant t = at;
        Caller acting = caller;
        RoleSession session = null;
        for (String role : roles) {
            EventFactory.Issued issued = context.events().assume(acting, "AssumeRole", role, "hop-" + user.name(), t,
                    Duration.ofHours(1), false);
            out.add(issued.event());
            session = issued.session();
            acting = session.caller(context.org().account(session.account()).homeRegion(), caller.sourceIp(),
                    caller.userAgent());
            t = t.plusSeconds(20);
        }
        out.add(context.events().call(acting, "s3.amazonaws.com", "ListBuckets", t));
        return Label.alerts("unusual-role-chain", "T1550.001 role chaining", at, t,
                List.of(user.arn(), roles.get(0), roles.get(1), roles.get(2), session.keyId()), "role-chain",
                "first-time-assumption");
    }
}
