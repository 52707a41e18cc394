package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.cloudtrail.CredentialExpiration;
import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.org.SimUser;

/**
 * A user mints a 36-hour session token, the longest STS allows, to keep access after the key is rotated
 * (T1550.001; Stratus {@code aws.persistence.sts-federation-token} uses the same idea).
 */
public final class LongSession implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        SimUser user = context.worker(context.org().management().id(), 5);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode event = context.events().call(context.asUsual(user), "sts.amazonaws.com", "GetSessionToken", at,
                nodes.objectNode().put("durationSeconds", 129_600));
        event.set("responseElements", nodes.objectNode().set("credentials", nodes.objectNode()
                .put("accessKeyId", Ids.awsId(context.random(), "ASIA"))
                .put("expiration", CredentialExpiration.format(at.plusSeconds(129_600)))));
        out.add(event);
        return Label.alerts("long-session", "aws.persistence.sts-federation-token", at, at, List.of(user.arn()),
                "long-session-requested");
    }
}
