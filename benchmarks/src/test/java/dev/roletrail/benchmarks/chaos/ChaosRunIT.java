package dev.roletrail.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.benchmarks.chaos.ChaosRun.Outcome;
import dev.roletrail.benchmarks.chaos.ChaosRun.Plan;
import dev.roletrail.simulator.SimulationSpec;

/**
 * The short form of run-chaos.sh: a small simulated organisation through ingest, a real broker and one streams app
 * (one partition per topic), with three SIGKILLs of ingest or the streams app at seeded random moments and one broker
 * restart, ends with the alerts, findings and dead letters (two unreadable objects) of an undisturbed run over the same
 * input: record for record, findings' periods included.
 */
class ChaosRunIT {

    @Test
    void shouldEndAsAnUndisturbedRunDespiteKillsAndABrokerRestart(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        Plan plan = new Plan(SimulationSpec.small(7), 7, 3, 1, 1);

        Outcome outcome = new ChaosRun(plan, dir, System.out).run();

        assertThat(outcome.kills()).as("kills of a running ingest or streams app").isEqualTo(3);
        assertThat(outcome.brokerRestarts()).isEqualTo(1);
        assertThat(outcome.recordsCompared()).as("the organisation raises alerts and findings").isGreaterThan(20);
        assertThat(outcome.differences()).as("what differs from the undisturbed run (logs in %s)", dir).isEmpty();
    }
}
