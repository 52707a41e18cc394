package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.traffic.Caller;
import dev.roletrail.simulator.traffic.RoleSession;
import dev.roletrail.simulator.traffic.Workloads;

/**
 * Instance-role credentials taken from the metadata service (SSRF) and used from outside AWS: the session is used
 * from the instance, then from an unknown address (Stratus {@code aws.credential-access.ec2-steal-instance-credentials};
 * GuardDuty {@code UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS}).
 */
public final class InstanceCredentialExfiltration implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        Workloads.Instance instance = context.benign().workloads().instances().get(0);
        RoleSession session = context.benign().workloads().instanceSession(instance, at, out);
        Caller onInstance = session.caller(instance.region(), instance.ip(), "aws-sdk-java/2.25.16 Linux/5.10");
        out.add(context.events().call(onInstance, "s3.amazonaws.com", "ListBuckets", at.plusSeconds(30)));
        Caller outside = onInstance.from(Ids.host(context.random(), Ids.network(context.random())),
                "aws-cli/2.15.30 Python/3.11.8 Linux/6.6.9-kali exe/x86_64");
        Instant t = at.plusSeconds(1800);
        out.add(context.events().call(outside, "sts.amazonaws.com", "GetCallerIdentity", t));
        out.add(context.events().call(outside, "s3.amazonaws.com", "ListBuckets", t.plusSeconds(20)));
        out.add(context.events().call(outside, "secretsmanager.amazonaws.com", "ListSecrets", t.plusSeconds(40)));
        return Label.alerts("instance-credentials-outside-aws", "aws.credential-access.ec2-steal-instance-credentials",
                at, t.plusSeconds(40), List.of(session.keyId(), session.roleArn()),
                "session-credential-network-change");
    }
}
