package dev.roletrail.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Caller;

/**
 * The batch user's key, which assumes its role once or twice an hour, assumes it eighty times within the hour: a
 * stolen key farming sessions, or a loop gone wrong (GuardDuty {@code Discovery:IAMUser/AnomalousBehavior}).
 */
public final class AssumptionRateAnomaly implements Scenario {

    @Override
    public Label inject(ScenarioContext context, Instant at, List<ObjectNode> out) {
        SimUser batch = context.org().user(OrganizationBuilder.BATCH_USER);
        Caller caller = context.asUsual(batch).from(batch.networks().get(0) + ".17", "python-requests/2.31.0");
        Instant t = at;
        for (int i = 0; i < 80; i++) {
            out.add(context.events().assume(caller, "AssumeRole", batch.roles().get(0), "burst-" + i, t,
                    Duration.ofHours(1), false).event());
            t = t.plusSeconds(20);
        }
        return Label.alerts("assumption-burst", "Discovery:IAMUser/AnomalousBehavior (session farming)", at, t,
                List.of(batch.arn(), batch.roles().get(0)), "assumption-rate-anomaly");
    }
}
