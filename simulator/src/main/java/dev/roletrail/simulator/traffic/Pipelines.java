package dev.roletrail.simulator.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.org.SimRole;

/**
 * CI pipelines: GitHub Actions runs of each repository (main branch and pull requests) assume the deploy role by
 * OIDC web identity from a runner address, deploy, and chain into a target account's DeployTarget role, whose stack
 * updates CloudFormation then carries out (calls with the service as source address).
 */
public final class Pipelines {

    public static final String PROVIDER = "token.actions.githubusercontent.com";
    private static final String RUNNER_AGENT = "aws-sdk-nodejs/2.1565.0 linux/v20.12.2 configure-aws-credentials-for-github-actions";

    private final Organization org;
    private final EventFactory events;
    private final RandomGenerator random;
    private final List<String> runnerNetworks = new ArrayList<>();

    public Pipelines(Organization org, EventFactory events) {
        this.org = org;
        this.events = events;
        this.random = events.random();
        for (int i = 0; i < 6; i++) {
            runnerNetworks.add(Ids.network(random));
        }
    }

    /** The OIDC subject GitHub puts in a run's token. */
    public static String subject(String repository, String ref) {
        return "repo:" + repository + ":" + ref;
    }

    public void day(DayClock clock, List<ObjectNode> out) {
        for (String repository : org.ciRepositories()) {
            int runs = clock.weekend() ? random.nextInt(2) : 1 + random.nextInt(4);
            for (int i = 0; i < runs; i++) {
                String ref = random.nextInt(3) == 0 ? "pull_request" : "ref:refs/heads/main";
                run(subject(repository, ref), clock.between(6, 20), out);
            }
        }
    }

    /** One run: web identity into the deploy role, deploy calls, then a chained hop into a target account. */
    public RoleSession run(String subject, Instant at, List<ObjectNode> out) {
        String region = org.management().homeRegion();
        String ip = Ids.host(random, runnerNetworks.get(random.nextInt(runnerNetworks.size())));
        Caller runner = new Caller(Identities.webIdentity(PROVIDER, subject), org.management().id(), region, ip,
                RUNNER_AGENT);
        SimRole deploy = org.role(RoleKind.OIDC_DEPLOY, org.management().id());
        EventFactory.Issued issued = events.assume(runner, "AssumeRoleWithWebIdentity", deploy.arn(), "GitHubActions",
                at, Duration.ofHours(1), false);
        issued.event().with("requestParameters").remove("durationSeconds");
        issued.event().with("responseElements").put("subjectFromWebIdentityToken", subject)
                .put("provider", org.management().arn("oidc-provider/" + PROVIDER)).put("audience", "sts.amazonaws.com");
        out.add(issued.event());
        Caller session = issued.session().caller(region, ip, "aws-cli/2.17.0 Python/3.11.9 Linux/6.5.0-1021-azure");
        Instant t = at;
        for (int i = 0; i < 2; i++) {
            t = t.plusSeconds(5 + random.nextInt(60));
            ApiCalls.Api api = ApiCalls.deploy(random);
            out.add(events.call(session, api.source(), api.name(), t));
        }
        List<SimRole> targets = org.roles(RoleKind.CHAIN_TARGET);
        SimRole target = targets.get(random.nextInt(targets.size()));
        EventFactory.Issued hop = events.assume(session, "AssumeRole", target.arn(), "deploy-" + (1000 + random.nextInt(9000)),
                t.plusSeconds(3), Duration.ofHours(1), false);
        out.add(hop.event());
        out.add(events.ownerCopy(hop, org.management().id()));
        Caller targetSession = hop.session().caller(org.account(target.account()).homeRegion(), ip, session.userAgent());
        out.add(events.call(targetSession, "cloudformation.amazonaws.com", "UpdateStack", t.plusSeconds(8)));
        Caller stack = new Caller(targetSession.identity().deepCopy().put("invokedBy", "cloudformation.amazonaws.com"),
                targetSession.account(), targetSession.region(), "cloudformation.amazonaws.com",
                "cloudformation.amazonaws.com");
        out.add(events.call(stack, "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", t.plusSeconds(40)));
        return issued.session();
    }
}
