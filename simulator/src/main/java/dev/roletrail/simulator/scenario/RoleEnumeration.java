package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.Account;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Caller;

/**
 * A stolen key probes for roles it might assume: a dozen refused AssumeRole calls over six guessed role names in two
 * accounts, within four minutes (Stratus {@code aws.discovery.ec2-enumerate-from-instance}'s cousin; GuardDuty
 * {@code Discovery:IAMUser/AnomalousBehavior}). The key acts from a new network, so new-network-for-key fires too.
 * The refusals are logged as STS logs them: no request parameters, the guessed role only in the error message, one in
 * three in the "no identity-based policy allows" wording.
 */
public final class RoleEnumeration implements Scenario {

    private static final List<String> GUESSES = List.of("Admin", "OrganizationAccountAccessRole", "DevOps",
            "Jenkins", "Terraform", "CloudAdmin");

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        SimUser victim = context.worker(context.org().management().id(), 0);
        Caller attacker = context.stolen(victim);
        Instant t = at;
        for (int i = 0; i < 12; i++) {
            Account account = context.org().accounts().get(i % 2);
            String role = account.arn("role/" + GUESSES.get(i % GUESSES.size()));
            out.add(context.events().refusedAssume(attacker, "AssumeRole", role, t, i % 3 == 2));
            t = t.plusSeconds(15 + context.random().nextInt(10));
        }
        return Label.alerts("role-enumeration", "Discovery:IAMUser/AnomalousBehavior (AssumeRole brute force)", at, t,
                List.of(victim.arn(), victim.accessKeyId()), "assume-role-denied-burst", "new-network-for-key");
    }
}
