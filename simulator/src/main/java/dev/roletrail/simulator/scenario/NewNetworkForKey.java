package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Caller;

/**
 * A developer's access key, leaked in a public repository, is used from a hosting provider's network
 * (GuardDuty {@code UnauthorizedAccess:IAMUser/MaliciousIPCaller}; the leaked-key detonation).
 */
public final class NewNetworkForKey implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        SimUser user = context.worker(context.org().accounts().get(1).id(), 0);
        Caller attacker = context.stolen(user);
        out.add(context.events().call(attacker, "sts.amazonaws.com", "GetCallerIdentity", at));
        out.add(context.events().call(attacker, "s3.amazonaws.com", "ListBuckets", at.plusSeconds(15)));
        out.add(context.events().call(attacker, "ec2.amazonaws.com", "DescribeRegions", at.plusSeconds(25)));
        return Label.alerts("leaked-key-new-network", "UnauthorizedAccess:IAMUser/MaliciousIPCaller", at,
                at.plusSeconds(25), List.of(user.accessKeyId(), user.arn()), "new-network-for-key");
    }
}
