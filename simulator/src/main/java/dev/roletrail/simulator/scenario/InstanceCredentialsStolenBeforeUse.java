package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.Account;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Caller;
import dev.roletrail.simulator.traffic.RoleSession;
import dev.roletrail.simulator.traffic.Workloads;

/**
 * Instance-role credentials stolen before the instance used them (Stratus
 * {@code aws.credential-access.ec2-steal-instance-credentials}; GuardDuty
 * {@code UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS}): from a rented server, an intruder
 * holding a person's leaked key runs a command on the instance through SSM that reads the metadata service, and uses
 * the session EC2 has just delivered from the same server, before the instance itself does. The session's first use
 * is the theft, so there is no earlier network to compare with: what gives it away is the network, where a person's
 * long-term key acts (session-credential-network-change's shared-network rule). The person's key on a network it never
 * used is new-network-for-key. EC2's issuing AssumeRole is in the trail or, in the second variant, is not (issued
 * before the data, or the trail missed it).
 */
public final class InstanceCredentialsStolenBeforeUse implements Scenario {

    private static final String ATTACKER_CLI = "aws-cli/2.15.30 Python/3.11.8 Linux/6.6.9-kali exe/x86_64";

    private final int account;
    private final int instance;
    private final int worker;
    private final boolean issuanceInTrail;

    private InstanceCredentialsStolenBeforeUse(int account, int instance, int worker, boolean issuanceInTrail) {
        this.account = account;
        this.instance = instance;
        this.worker = worker;
        this.issuanceInTrail = issuanceInTrail;
    }

    /** The production account's first instance; EC2's AssumeRole is in the trail. */
    public static InstanceCredentialsStolenBeforeUse issuanceInTrail() {
        return new InstanceCredentialsStolenBeforeUse(1, 0, 2, true);
    }

    /** The management account's second instance; the trail lacks EC2's AssumeRole. */
    public static InstanceCredentialsStolenBeforeUse issuanceNotInTrail() {
        return new InstanceCredentialsStolenBeforeUse(0, 1, 3, false);
    }

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        Account target = context.org().accounts().get(account);
        Workloads.Instance host = context.benign().workloads().instances().stream()
                .filter(i -> i.account().equals(target.id())).toList().get(instance);
        SimUser person = context.worker(target.id(), worker);
        List<ObjectNode> issuance = new ArrayList<>();
        RoleSession session = context.benign().workloads().instanceSession(host, at, issuance);
        if (issuanceInTrail) {
            out.addAll(issuance);
        }
        String network = Ids.network(context.random());
        Caller intruder = context.asUsual(person).from(Ids.host(context.random(), network), ATTACKER_CLI)
                .inRegion(host.region());
        Instant t = at.plusSeconds(120);
        out.add(context.events().call(intruder, "ssm.amazonaws.com", "SendCommand", t, JsonNodeFactory.instance
                .objectNode().put("documentName", "AWS-RunShellScript")
                .set("instanceIds", JsonNodeFactory.instance.arrayNode().add(host.id()))));
        Caller stolen = session.caller(host.region(), Ids.host(context.random(), network), ATTACKER_CLI);
        Instant first = t.plusSeconds(45);
        out.add(context.events().call(stolen, "sts.amazonaws.com", "GetCallerIdentity", first));
        out.add(context.events().call(stolen, "s3.amazonaws.com", "ListBuckets", first.plusSeconds(20)));
        out.add(context.events().call(stolen, "secretsmanager.amazonaws.com", "ListSecrets", first.plusSeconds(35)));
        Caller onInstance = session.caller(host.region(), host.ip(), Workloads.SDK);
        Instant legitimate = at.plusSeconds(600);
        out.add(context.events().call(onInstance, "kms.amazonaws.com", "Decrypt", legitimate));
        return Label.alerts(issuanceInTrail ? "instance-credentials-stolen-before-use"
                        : "instance-credentials-stolen-before-use-issuance-unseen",
                "aws.credential-access.ec2-steal-instance-credentials (first use outside the instance)",
                issuanceInTrail ? at : t, legitimate,
                List.of(session.keyId(), session.roleArn(), person.arn(), person.accessKeyId()),
                "session-credential-network-change", "new-network-for-key");
    }
}
