package dev.roletrail.simulator.traffic;

import java.io.IOException;
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
 * {@code events-per-day}: people get about two thirds of the calls, machines the rest. When two thirds of the events
 * cannot give every person a short working day, only a matching share of the people works each day.
 */
public final class BenignTraffic {

    /** How long before the period the dormant keys were last used: beyond the 90-day dormancy. */
    public static final Duration DORMANT_FOR = Duration.ofDays(120);
    /** About what a person's working day with the fewest calls writes (a call, an assumption, sign-ins, SSO). */
    private static final int EVENTS_PER_SHORT_WORKDAY = 4;

    private final Organization org;
    private final EventFactory events;
    private final People people;
    private final Pipelines pipelines;
    private final Workloads workloads;
    private final Vendors vendors;
    private final AutoScaling autoScaling;

    public BenignTraffic(SimulationSpec spec, Organization org, EventFactory events) {
        this.org = org;
        this.events = events;
        int humans = Math.max(1, org.users().dailyCount());
        int machines = 3 * org.accounts().size();
        double peopleEvents = spec.eventsPerDay() * 2.0 / 3;
        this.people = new People(org, events, Math.max(2, (int) peopleEvents / humans),
                Math.min(1, peopleEvents / humans / EVENTS_PER_SHORT_WORKDAY));
        this.pipelines = new Pipelines(org, events);
        this.workloads = new Workloads(org, events, spec.eventsPerDay() / 3.0 / machines / 24);
        this.vendors = new Vendors(org, events);
        this.autoScaling = new AutoScaling(org, events);
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

    /** A day's events, into the buffer, which hands them on in batches; the caller flushes the last one. */
    public void day(Instant day, EventBuffer out) throws IOException {
        DayClock clock = new DayClock(day, events.random());
        people.day(clock, out);
        pipelines.day(clock, out.events());
        workloads.day(clock, out);
        vendors.day(clock, out.events());
        autoScaling.day(clock, out.events());
    }

    /** The dormant users' last calls, {@link #DORMANT_FOR} before the period: sparse, a few a day for a week. */
    public List<ObjectNode> oldHistory(Instant start) {
        List<ObjectNode> out = new ArrayList<>();
        for (SimUser user : org.named(Habit.DORMANT)) {
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
