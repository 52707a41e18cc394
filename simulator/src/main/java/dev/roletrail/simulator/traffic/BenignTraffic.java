package dev.roletrail.simulator.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.org.Habit;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.SimUser;

/**
 * A day of benign traffic, and the sparse old history of dormant users. The per-actor call counts are derived from
 * {@code events-per-day}: people get about two thirds of the calls, machines the rest.
 */
public final class BenignTraffic {

    /** How long before the period the dormant keys were last used: beyond the 90-day dormancy. */
    public static final Duration DORMANT_FOR = Duration.ofDays(120);

    private final Organization org;
    private final EventFactory events;
    private final People people;
    private final Pipelines pipelines;
    private final Workloads workloads;
    private final Vendors vendors;

    public BenignTraffic(SimulationSpec spec, Organization org, EventFactory events) {
        this.org = org;
        this.events = events;
        int humans = Math.max(1, org.users(Habit.DAILY).size());
        int machines = 3 * org.accounts().size();
        this.people = new People(org, events, Math.max(2, spec.eventsPerDay() * 2 / 3 / humans));
        this.pipelines = new Pipelines(org, events);
        this.workloads = new Workloads(org, events, spec.eventsPerDay() / 3.0 / machines / 24);
        this.vendors = new Vendors(org, events);
    }

    public Pipelines pipelines() {
        return pipelines;
    }

    public Workloads workloads() {
        return workloads;
    }

    public Vendors vendors() {
        return vendors;
    }

    public List<ObjectNode> day(Instant day) {
        List<ObjectNode> out = new ArrayList<>();
        DayClock clock = new DayClock(day, events.random());
        people.day(clock, out);
        pipelines.day(clock, out);
        workloads.day(clock, out);
        vendors.day(clock, out);
        return out;
    }

    /** The dormant users' last calls, {@link #DORMANT_FOR} before the period: sparse, a few a day for a week. */
    public List<ObjectNode> oldHistory(Instant start) {
        List<ObjectNode> out = new ArrayList<>();
        for (SimUser user : org.users(Habit.DORMANT)) {
            Caller caller = new Caller(Identities.iamUser(user), user.account(),
                    org.account(user.account()).homeRegion(), user.networks().get(0) + ".40", user.userAgent());
            for (int day = 0; day < 7; day++) {
                DayClock clock = new DayClock(start.minus(DORMANT_FOR).minus(Duration.ofDays(7 - day)), events.random());
                out.add(events.call(caller, "s3.amazonaws.com", "ListBuckets", clock.between(9, 12)));
                out.add(events.call(caller, "s3.amazonaws.com", "GetObject", clock.between(12, 17)));
            }
        }
        return out;
    }
}
