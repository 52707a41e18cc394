package dev.roletrail.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.BenignTraffic;
import dev.roletrail.simulator.traffic.Caller;

/**
 * A key idle for four months is used again, from a network it never used: the classic leaked-key pattern (GuardDuty
 * {@code CredentialAccess:IAMUser/AnomalousBehavior}). The key's last use was {@link BenignTraffic#DORMANT_FOR}
 * before the period, so in a long period it is idle past the streams app's entity retention, which forgets its
 * networks: then only the dormancy detector can tell, and the label expects only it.
 */
public final class DormantKeyReactivated implements Scenario {

    /** The streams app's default entity retention: findings.tracking-period 90d + findings.dormancy 90d. */
    static final Duration NETWORKS_KEPT = Duration.ofDays(180);

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        SimUser user = context.org().user(OrganizationBuilder.DORMANT_USER);
        Caller attacker = context.stolen(user);
        out.add(context.events().call(attacker, "sts.amazonaws.com", "GetCallerIdentity", at));
        out.add(context.events().call(attacker, "iam.amazonaws.com", "ListAttachedUserPolicies", at.plusSeconds(12)));
        out.add(context.events().call(attacker, "s3.amazonaws.com", "ListBuckets", at.plusSeconds(30)));
        Duration idle = Duration.between(context.start().minus(BenignTraffic.DORMANT_FOR), at);
        String[] detectors = idle.compareTo(NETWORKS_KEPT) < 0
                ? new String[] {"dormant-credential-reactivated", "new-network-for-key"}
                : new String[] {"dormant-credential-reactivated"};
        return Label.alerts("dormant-key-reactivated", "CredentialAccess:IAMUser/AnomalousBehavior", at,
                at.plusSeconds(30), List.of(user.accessKeyId(), user.arn()), detectors);
    }
}
