package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.Account;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.traffic.Caller;
import dev.roletrail.simulator.traffic.Identities;

/**
 * Someone signs in as the root user of a member account without MFA and looks around (GuardDuty
 * {@code Policy:IAMUser/RootCredentialUsage}).
 */
public final class RootUse implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        Account account = context.org().accounts().get(1);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Caller root = new Caller(Identities.root(account.id()), account.id(), "us-east-1",
                Ids.host(context.random(), Ids.network(context.random())),
                "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0");
        ObjectNode login = context.events().call(root, "signin.amazonaws.com", "ConsoleLogin", at);
        login.set("responseElements", nodes.objectNode().put("ConsoleLogin", "Success"));
        login.set("additionalEventData", nodes.objectNode().put("MFAUsed", "No"));
        login.put("eventType", "AwsConsoleSignIn");
        out.add(login);
        out.add(context.events().call(root, "iam.amazonaws.com", "ListUsers", at.plusSeconds(60)));
        return Label.alerts("root-use", "Policy:IAMUser/RootCredentialUsage", at, at.plusSeconds(60),
                List.of(account.arn("root")), "root-activity");
    }
}
