package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.traffic.Pipelines;
import dev.roletrail.simulator.traffic.RoleSession;

/**
 * A repository nobody deploys from (a fork, or a repository created by an intruder in the GitHub organisation) gets
 * a token the deploy role's loose {@code sub} condition accepts (the 2023 "GitHub OIDC misconfiguration" cases).
 */
public final class NewOidcSubject implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        String subject = Pipelines.subject("acme-ci-test/payments-api", "ref:refs/heads/main");
        List<ObjectNode> events = new ArrayList<>();
        RoleSession session = context.benign().pipelines().run(subject, at, events);
        out.addAll(events);
        Instant last = events.stream().map(e -> Instant.parse(e.path("eventTime").asText())).max(Instant::compareTo)
                .orElse(at);
        String role = context.org().role(RoleKind.OIDC_DEPLOY, context.org().management().id()).arn();
        return Label.alerts("new-oidc-subject", "GitHub OIDC trust without a repository condition", at, last,
                List.of(role, "web-identity:" + Pipelines.PROVIDER + "/" + subject, session.keyId()),
                "new-federated-subject");
    }
}
