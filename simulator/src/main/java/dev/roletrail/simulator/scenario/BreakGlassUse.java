package dev.roletrail.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Caller;
import dev.roletrail.simulator.traffic.EventFactory;

/**
 * The break-glass role is assumed in the middle of the night by an administrator who never used it; it must always
 * be reported (GuardDuty {@code PrivilegeEscalation:IAMUser/AnomalousBehavior}). Being a role the admin never
 * assumed, it is also a first-time assumption; and the admin calls with the long-term key and no MFA code, which the
 * role's trust policy does not demand, so it was assumed without MFA.
 */
public final class BreakGlassUse implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        SimUser admin = context.org().user(OrganizationBuilder.OPS_ADMIN);
        String role = context.org().role(RoleKind.BREAK_GLASS, context.org().management().id()).arn();
        Caller caller = context.asUsual(admin);
        EventFactory.Issued issued = context.events().assume(caller, "AssumeRole", role, admin.name(), at,
                Duration.ofHours(1), false);
        out.add(issued.event());
        Caller session = issued.session().caller(caller.region(), caller.sourceIp(), caller.userAgent());
        out.add(context.events().call(session, "iam.amazonaws.com", "ListUsers", at.plusSeconds(40)));
        out.add(context.events().call(session, "organizations.amazonaws.com", "ListAccounts", at.plusSeconds(70)));
        return Label.alerts("break-glass-use", "PrivilegeEscalation:IAMUser/AnomalousBehavior", at, at.plusSeconds(70),
                List.of(admin.arn(), role), "sensitive-role-assumed", "first-time-assumption",
                "sensitive-role-assumed-without-mfa");
    }
}
