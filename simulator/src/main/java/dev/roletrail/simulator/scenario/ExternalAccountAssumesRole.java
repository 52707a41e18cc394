package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.traffic.RoleSession;

/**
 * The account the backdoor trusts comes in: a role of ours assumed from an account outside the organisation and
 * the vendor list (GuardDuty {@code UnauthorizedAccess:IAMUser/AnomalousBehavior}; Stratus
 * {@code aws.persistence.iam-backdoor-role}, second half).
 */
public final class ExternalAccountAssumesRole implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        String outsider = context.org().outsider();
        String role = context.org().management().arn("role/" + BackdoorTrustPolicy.ROLE);
        RoleSession session = context.benign().vendors().assumeFrom(outsider, role, at,
                Ids.host(context.random(), Ids.network(context.random())), out);
        return Label.alerts("external-account-assumes-role", "aws.persistence.iam-backdoor-role (use)", at,
                at.plusSeconds(9), List.of("account:" + outsider, role, session.keyId()), "unknown-external-account");
    }
}
