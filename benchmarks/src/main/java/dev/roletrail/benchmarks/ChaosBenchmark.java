package dev.roletrail.benchmarks;

import java.time.Duration;

import dev.roletrail.benchmarks.chaos.ChaosRun;
import dev.roletrail.benchmarks.chaos.ChaosRun.Outcome;
import dev.roletrail.benchmarks.chaos.ChaosRun.Plan;
import dev.roletrail.simulator.SimulationSpec;

/**
 * The chaos run (run-chaos.sh): a simulated organisation through ingest, a real broker and the streams app while
 * ingest and the streams app are killed with SIGKILL and the broker restarted, compared with an undisturbed run.
 * Prints the kills survived, the records compared and every difference; exits 1 when there is one.
 */
public final class ChaosBenchmark {

    static final long DEFAULT_SEED = 23;
    static final int DEFAULT_KILLS = 20;
    static final int DEFAULT_BROKER_RESTARTS = 2;
    static final int DEFAULT_EVENTS_PER_DAY = 300;
    static final int DEFAULT_PARTITIONS = 1;

    private ChaosBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Plan plan;
        try {
            plan = plan(args);
        } catch (IllegalArgumentException e) {
            System.err.println("run-chaos: " + e.getMessage());
            System.exit(2);
            return;
        }
        Outcome outcome;
        try (WorkDirectory workDir = WorkDirectory.create("roletrail-chaos")) {
            System.out.printf("seed %d, %d kills, %d broker restarts, %d partitions, %s; work directory %s%n",
                    plan.seed(), plan.kills(), plan.brokerRestarts(), plan.partitions(), plan.organisation(),
                    workDir.path());
            outcome = new ChaosRun(plan, workDir.path(), System.out).run();
            if (!outcome.differences().isEmpty()) {
                workDir.keep(); // the logs and state of a run that differed are worth a look
            }
        }
        System.out.println(summary(outcome));
        outcome.differences().forEach(System.out::println);
        System.exit(outcome.differences().isEmpty() ? 0 : 1);
    }

    /** {@code [--seed N] [--kills N] [--broker-restarts N] [--events-per-day N] [--partitions N]}. */
    static Plan plan(String[] args) {
        long seed = DEFAULT_SEED;
        int kills = DEFAULT_KILLS;
        int brokerRestarts = DEFAULT_BROKER_RESTARTS;
        int eventsPerDay = DEFAULT_EVENTS_PER_DAY;
        int partitions = DEFAULT_PARTITIONS;
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[i + 1];
            switch (flag) {
                case "--seed" -> seed = number(flag, value);
                case "--kills" -> kills = (int) Math.min(number(flag, value), Integer.MAX_VALUE);
                case "--broker-restarts" -> brokerRestarts = (int) Math.min(number(flag, value), Integer.MAX_VALUE);
                case "--events-per-day" -> eventsPerDay = (int) Math.min(number(flag, value), Integer.MAX_VALUE);
                case "--partitions" -> partitions = (int) Math.min(number(flag, value), Integer.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown flag " + flag
                        + " (known: --seed, --kills, --broker-restarts, --events-per-day, --partitions)");
            }
        }
        SimulationSpec organisation = new SimulationSpec(seed, 3, 16, 24, eventsPerDay,
                SimulationSpec.DEFAULT_START);
        return new Plan(organisation, seed, kills, brokerRestarts, partitions);
    }

    private static long number(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number, not '" + value + "'");
        }
    }

    static String summary(Outcome outcome) {
        return String.format("kills survived: %d (ingest %d, streams app %d), broker restarts: %d, children that "
                        + "ended by themselves: %d%nevents: %,d; records compared: %,d (%,d alert ids, %,d finding "
                        + "ids, %,d dead-letter source and reason pairs); differences: %d%nclean run %s, chaos run %s",
                outcome.kills(), outcome.ingestKills(), outcome.streamsKills(), outcome.brokerRestarts(),
                outcome.ownExits(), outcome.events(), outcome.recordsCompared(), outcome.alerts(), outcome.findings(),
                outcome.deadLetters(), outcome.differences().size(),
                minutes(outcome.clean()), minutes(outcome.chaos()));
    }

    private static String minutes(Duration duration) {
        return String.format("%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }
}
