package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.SimUser;

/**
 * An existing role's trust policy is changed to also trust an external account (Stratus
 * {@code aws.persistence.iam-backdoor-role}; GuardDuty {@code Persistence:IAMUser/AnomalousBehavior}).
 */
public final class BackdoorTrustPolicy implements Scenario {

    /** The role the backdoor opens, which {@link ExternalAccountAssumesRole} then uses. */
    public static final String ROLE = "Developer";

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        SimUser insider = context.worker(context.org().management().id(), 1);
        String account = context.org().management().id();
        String role = context.org().management().arn("role/" + ROLE);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "[\"arn:aws:iam::" + account + ":root\",\"arn:aws:iam::" + context.org().outsider() + ":root\"]},"
                + "\"Action\":\"sts:AssumeRole\"}]}";
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("roleName", ROLE).put("policyDocument", policy);
        out.add(context.events().call(context.asUsual(insider), "iam.amazonaws.com", "UpdateAssumeRolePolicy", at,
                request));
        return Label.alerts("backdoor-trust-policy", "aws.persistence.iam-backdoor-role", at, at,
                List.of(role, insider.arn()), "access-path-created");
    }
}
