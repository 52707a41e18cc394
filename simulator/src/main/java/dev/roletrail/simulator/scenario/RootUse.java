package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.Account;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.traffic.Caller;
import dev.roletrail.simulator.traffic.Identities;

/**
 * Someone signs in as the root user of a member account without MFA, looks around in the console and creates a root
 * access key there, a standing way back in (GuardDuty {@code Policy:IAMUser/RootCredentialUsage}; T1098.001). The
 * console actions are logged as AWS logs them: {@code userIdentity} still root, with the console session's key and
 * {@code invokedBy: signin.amazonaws.com}, from the person's address.
 */
public final class RootUse implements Scenario {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    /** How IAM writes {@code createDate} in a CreateAccessKey response. */
    private static final DateTimeFormatter IAM_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.US)
            .withZone(ZoneOffset.UTC);

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        Account account = context.org().accounts().get(1);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String ip = Ids.host(context.random(), Ids.network(context.random()));
        Caller root = new Caller(Identities.root(account.id()), account.id(), "us-east-1", ip, BROWSER);
        ObjectNode login = context.events().call(root, "signin.amazonaws.com", "ConsoleLogin", at);
        login.set("responseElements", nodes.objectNode().put("ConsoleLogin", "Success"));
        login.set("additionalEventData", nodes.objectNode().put("MFAUsed", "No"));
        login.put("eventType", "AwsConsoleSignIn");
        out.add(login);
        ObjectNode console = Identities.consoleRoot(account.id(), Ids.awsId(context.random(), "ASIA"), at, false);
        Caller inConsole = new Caller(console, account.id(), "us-east-1", ip, "AWS Internal");
        out.add(context.events().call(inConsole, "iam.amazonaws.com", "ListUsers", at.plusSeconds(60)));
        Instant created = at.plusSeconds(150);
        ObjectNode createKey = context.events().call(inConsole, "iam.amazonaws.com", "CreateAccessKey", created,
                nodes.objectNode());
        String newKey = Ids.awsId(context.random(), "AKIA");
        createKey.set("responseElements", nodes.objectNode().set("accessKey", nodes.objectNode()
                .put("accessKeyId", newKey).put("status", "Active").put("createDate", IAM_DATE.format(created))));
        out.add(createKey);
        return Label.alerts("root-use", "Policy:IAMUser/RootCredentialUsage; root access key created (T1098.001)", at,
                created, List.of(account.arn("root"), newKey), "root-activity", "access-path-created");
    }
}
