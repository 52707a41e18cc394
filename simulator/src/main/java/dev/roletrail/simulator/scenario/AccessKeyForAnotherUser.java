package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.org.SimUser;

/**
 * A compromised user creates an access key for another user, a standing backdoor (Stratus
 * {@code aws.persistence.iam-create-backdoor-user} / {@code iam-backdoor-user}; GuardDuty
 * {@code Persistence:IAMUser/AnomalousBehavior}).
 */
public final class AccessKeyForAnotherUser implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        String account = context.org().management().id();
        SimUser caller = context.worker(account, 2);
        SimUser target = context.worker(account, 3);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode event = context.events().call(context.asUsual(caller), "iam.amazonaws.com", "CreateAccessKey", at,
                nodes.objectNode().put("userName", target.name()));
        String newKey = Ids.awsId(context.random(), "AKIA");
        event.set("responseElements", nodes.objectNode().set("accessKey", nodes.objectNode()
                .put("accessKeyId", newKey).put("status", "Active").put("userName", target.name())
                .put("createDate", at.toString())));
        out.add(event);
        return Label.alerts("access-key-for-another-user", "aws.persistence.iam-backdoor-user", at, at,
                List.of(target.arn(), caller.arn(), newKey), "access-path-created");
    }
}
