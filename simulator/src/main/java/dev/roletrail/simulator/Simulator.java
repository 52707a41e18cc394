package dev.roletrail.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.label.LabelsFile;
import dev.roletrail.simulator.org.Account;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.SimRole;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.org.UserDirectory;
import dev.roletrail.simulator.output.AuthorizationDetails;
import dev.roletrail.simulator.output.CredentialReport;
import dev.roletrail.simulator.output.DatasetSink;
import dev.roletrail.simulator.output.LogObjectWriter;
import dev.roletrail.simulator.output.UsageTracker;
import dev.roletrail.simulator.scenario.FindingConditions;
import dev.roletrail.simulator.scenario.ScenarioContext;
import dev.roletrail.simulator.scenario.ScenarioSchedule;
import dev.roletrail.simulator.traffic.BenignTraffic;
import dev.roletrail.simulator.traffic.EventBuffer;
import dev.roletrail.simulator.traffic.EventFactory;
import dev.roletrail.simulator.truth.GroundTruth;
import dev.roletrail.simulator.truth.TrailUse;
import dev.roletrail.simulator.truth.TruthRules;
import dev.roletrail.simulator.truth.TruthSettings;

/**
 * Simulates an organisation for a spec and writes the dataset: CloudTrail log objects under {@code AWSLogs/}, the IAM
 * inventory under {@code inventory/<account>/}, {@code labels.json} and, up to {@link #TRUTH_MAX_USERS} users,
 * {@code ground-truth.json}. Deterministic for a seed: every random choice comes from generators split off one seeded
 * {@link SplittableRandom}, in a fixed order; nothing reads the clock. Memory stays bounded at any scale: users are
 * derived from their index when needed ({@link UserDirectory}), events go to the log objects in batches
 * ({@link EventBuffer}), and the inventory is written as it is produced.
 */
public final class Simulator {

    public static final String LABELS = "labels.json";
    public static final String INVENTORY_PREFIX = "inventory/";
    /** Where the CloudTrail log objects go, as in a trail's bucket. */
    public static final String TRAIL_PREFIX = "AWSLogs/";
    /**
     * Events handed to the log objects at a time: bounds the heap (a few KB per event as a tree) while a day of a
     * large organisation is generated; the default organisation's day (a few thousand events) stays one batch.
     */
    static final int BATCH_EVENTS = 50_000;
    /**
     * The ground truth reads the trail back into a few maps per principal (about a kilobyte a user), so it is
     * computed for organisations up to this size only, the ones evaluate scores.
     */
    public static final int TRUTH_MAX_USERS = 20_000;
    /** How long before the traffic the inventory's roles were created: older than any tracking period. */
    private static final Duration ROLE_AGE = Duration.ofDays(400);

    private Simulator() {
    }

    /** The organisation {@link #run} simulates for this spec, without simulating it (for configuring RoleTrail). */
    public static Organization organization(SimulationSpec spec) {
        return new OrganizationBuilder(spec, new SplittableRandom(spec.seed()).split()).build();
    }

    /** RoleTrail's settings that describe the organisation: its accounts and the vendors it trusts. */
    public static Map<String, String> settings(Organization org) {
        // Its people are IAM users (or SSO users named like them): an owner who is no IAM user has left.
        return Map.of("org.accounts", String.join(",", org.accountIds()),
                "org.trusted-external-accounts", String.join(",", org.vendors()),
                "identities.owners-are-iam-users", "true");
    }

    public static SimulationResult run(SimulationSpec spec, DatasetSink sink) throws IOException {
        return run(spec, sink, BATCH_EVENTS);
    }

    /**
     * As {@link #run(SimulationSpec, DatasetSink)}, handing events to the log objects in batches of about
     * {@code batchEvents} (tests use small batches to exercise what a large organisation does).
     */
    static SimulationResult run(SimulationSpec spec, DatasetSink sink, int batchEvents) throws IOException {
        SplittableRandom seed = new SplittableRandom(spec.seed());
        SplittableRandom orgRandom = seed.split();
        SplittableRandom trafficRandom = seed.split();
        SplittableRandom deliveryRandom = seed.split();
        Organization org = new OrganizationBuilder(spec, orgRandom).build();
        EventFactory events = new EventFactory(trafficRandom);
        BenignTraffic benign = new BenignTraffic(spec, org, events);
        ScenarioContext context = new ScenarioContext(org, events, benign, spec.start(), spec.end());

        List<Label> labels = new ArrayList<>();
        TreeMap<Instant, List<ObjectNode>> attacksByDay = injectAttacks(spec, context, labels);
        labels.addAll(FindingConditions.labels(context));

        UsageTracker usage = new UsageTracker(org.users());
        Optional<TrailUse> trail = spec.users() <= TRUTH_MAX_USERS ? Optional.of(new TrailUse()) : Optional.empty();
        LogObjectWriter writer = new LogObjectWriter(org.id(), sink, deliveryRandom);
        EventBuffer buffer = new EventBuffer(batchEvents, (benignEvents, attackEvents) -> {
            benignEvents.forEach(usage::observe);
            attackEvents.forEach(usage::observe);
            trail.ifPresent(use -> {
                benignEvents.forEach(use::observe);
                attackEvents.forEach(use::observe);
            });
            writer.write(benignEvents, attackEvents);
        });
        buffer.events().addAll(benign.oldHistory(spec.start()));
        buffer.flush(List.of());
        for (int d = 0; d < spec.days(); d++) {
            Instant day = spec.start().plus(Duration.ofDays(d));
            benign.day(day, buffer);
            buffer.flush(attacksByDay.getOrDefault(day, List.of()));
        }

        writeInventory(spec, org, usage, sink);
        LabelsFile file = new LabelsFile(spec.seed(), org.id(), org.accountIds(), org.vendors(),
                writer.benignEvents(), writer.attackEvents(), labels);
        sink.put(LABELS, file.toJson());
        Optional<GroundTruth> truth = trail.map(use -> TruthRules.compute(org, spec.start().minus(ROLE_AGE),
                use.snapshot(), TruthSettings.defaults()));
        if (truth.isPresent()) {
            sink.put(GroundTruth.FILE, truth.get().toJson());
        }
        return new SimulationResult(file, truth, writer.objects(), writer.bytes());
    }

    /** Runs every scheduled scenario, adding its label; returns its events by UTC day. */
    private static TreeMap<Instant, List<ObjectNode>> injectAttacks(SimulationSpec spec, ScenarioContext context,
            List<Label> labels) {
        TreeMap<Instant, List<ObjectNode>> attacksByDay = new TreeMap<>();
        for (ScenarioSchedule.Entry entry : ScenarioSchedule.ALL) {
            List<ObjectNode> out = new ArrayList<>();
            Label label = entry.scenario().inject(context, entry.at(spec.attackDay()), out);
            List<Instant> times = new ArrayList<>();
            for (ObjectNode event : out) {
                Instant time = Instant.parse(event.path("eventTime").asText());
                times.add(time);
                attacksByDay.computeIfAbsent(time.truncatedTo(ChronoUnit.DAYS), d -> new ArrayList<>()).add(event);
            }
            labels.add(label.withEventTimes(times));
        }
        return attacksByDay;
    }

    /**
     * One authorization-details snapshot and one credential report per account, as of the end of the traffic, each
     * written as its users are derived.
     */
    private static void writeInventory(SimulationSpec spec, Organization org, UsageTracker usage, DatasetSink sink)
            throws IOException {
        UserDirectory users = org.users();
        for (Account account : org.accounts()) {
            String folder = INVENTORY_PREFIX + account.id() + "/";
            List<SimRole> roles = org.roles().stream().filter(r -> r.account().equals(account.id())).toList();
            sink.write(folder + "authorization-details.json", out -> AuthorizationDetails.write(out, account,
                    usersOf(users, account), roles, usage, spec.start().minus(ROLE_AGE)));
            sink.write(folder + "credential-report.csv", out -> CredentialReport.write(out, account,
                    usersOf(users, account), usage));
        }
    }

    private static Iterator<SimUser> usersOf(UserDirectory users, Account account) {
        return users.indexesIn(account.id()).mapToObj(users::get).iterator();
    }
}
