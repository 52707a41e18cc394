package dev.roletrail.simulator.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import dev.roletrail.simulator.org.Habit;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.org.UserDirectory;
import dev.roletrail.simulator.traffic.BenignTraffic;
import dev.roletrail.simulator.traffic.Caller;
import dev.roletrail.simulator.traffic.EventFactory;
import dev.roletrail.simulator.traffic.Identities;

/** What scenarios build on: the organisation, the event factory, the benign actors, and the period. */
public record ScenarioContext(Organization org, EventFactory events, BenignTraffic benign, Instant start,
        Instant end) {

    public ScenarioContext {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(benign, "benign");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public RandomGenerator random() {
        return events.random();
    }

    /**
     * The n-th regular person (see {@link UserDirectory#REGULARS}) who has worked since the first day in the given
     * account, so victims have full baselines at any scale. Named users are skipped (they have parts of their own).
     */
    public SimUser worker(String account, int n) {
        List<SimUser> workers = org.users().regulars().stream()
                .filter(u -> u.habit() == Habit.DAILY && u.account().equals(account) && u.joined().equals(start) && !u.roles().isEmpty()
                        && !OrganizationBuilder.NAMED.contains(u.name()))
                .toList();
        return workers.get(n % workers.size());
    }

    /** The user calling with its long-term key from one of its usual networks. */
    public Caller asUsual(SimUser user) {
        return new Caller(Identities.iamUser(user), user.account(), org.account(user.account()).homeRegion(),
                user.networks().get(0) + ".23", user.userAgent());
    }

    /** The user's key in someone else's hands: a rented server on a network never seen in the organisation. */
    public Caller stolen(SimUser user) {
        return asUsual(user).from(Ids.host(random(), Ids.network(random())), "python-requests/2.31.0");
    }
}
