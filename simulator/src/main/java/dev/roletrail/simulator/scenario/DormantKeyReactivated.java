package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Caller;

/**
 * A key idle for four months is used again, from a network it never used: the classic leaked-key pattern (GuardDuty
 * {@code CredentialAccess:IAMUser/AnomalousBehavior}).
 */
public final class DormantKeyReactivated implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        SimUser user = context.org().user(OrganizationBuilder.DORMANT_USER);
        Caller attacker = context.stolen(user);
        out.add(context.events().call(attacker, "sts.amazonaws.com", "GetCallerIdentity", at));
        out.add(context.events().call(attacker, "iam.amazonaws.com", "ListAttachedUserPolicies", at.plusSeconds(12)));
        out.add(context.events().call(attacker, "s3.amazonaws.com", "ListBuckets", at.plusSeconds(30)));
        return Label.alerts("dormant-key-reactivated", "CredentialAccess:IAMUser/AnomalousBehavior", at,
                at.plusSeconds(30), List.of(user.accessKeyId(), user.arn()), "dormant-credential-reactivated",
                "new-network-for-key");
    }
}
