package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Caller;
import dev.roletrail.simulator.traffic.Identities;

/**
 * Someone signs in to the console as an IAM user with the password alone (Stratus Red Team
 * {@code aws.initial-access.console-login-without-mfa}; T1078.004), from the person's usual network, as a colleague
 * who learnt the password would: only the missing MFA gives it away.
 */
public final class ConsoleSignInWithoutMfa implements Scenario {

    private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 "
            + "Firefox/126.0";

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        SimUser user = context.worker(context.org().management().id(), 6);
        Caller usual = context.asUsual(user);
        ObjectNode identity = Identities.iamUser(user);
        identity.remove("accessKeyId");
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode login = context.events().call(new Caller(identity, user.account(), "us-east-1", usual.sourceIp(),
                BROWSER), "signin.amazonaws.com", "ConsoleLogin", at);
        login.set("responseElements", nodes.objectNode().put("ConsoleLogin", "Success"));
        login.set("additionalEventData", nodes.objectNode()
                .put("LoginTo", "https://console.aws.amazon.com/console/home").put("MobileVersion", "No")
                .put("MFAUsed", "No"));
        login.put("eventType", "AwsConsoleSignIn");
        login.put("readOnly", false);
        out.add(login);
        return Label.alerts("console-sign-in-without-mfa", "aws.initial-access.console-login-without-mfa", at, at,
                List.of(user.arn()), "sensitive-role-assumed-without-mfa");
    }
}
