package dev.roletrail.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.roletrail.benchmarks.chaos.ChaosRun.Plan;

class ChaosBenchmarkTest {

    @Test
    void shouldUseTheFixedSeedAndTwentyKillsWithoutFlags() {
        Plan plan = ChaosBenchmark.plan(new String[0]);

        assertThat(plan.seed()).isEqualTo(ChaosBenchmark.DEFAULT_SEED);
        assertThat(plan.organisation().seed()).isEqualTo(ChaosBenchmark.DEFAULT_SEED);
        assertThat(plan.kills()).isEqualTo(20);
        assertThat(plan.brokerRestarts()).isEqualTo(2);
    }

    @Test
    void shouldTakeSeedKillsAndRestartsFromFlags() {
        Plan plan = ChaosBenchmark.plan(new String[] {"--seed", "99", "--kills", "5", "--broker-restarts", "0",
            "--partitions", "2"});

        assertThat(plan).isEqualTo(new Plan(plan.organisation(), 99, 5, 0, 2));
        assertThat(plan.organisation().seed()).isEqualTo(99);
    }

    @Test
    void shouldSayInOneLineWhatIsWrongWithAFlag() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> ChaosBenchmark.plan(new String[] {"--kills", "many"})))
                .hasMessage("--kills takes a whole number, not 'many'");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> ChaosBenchmark.plan(new String[] {"--kill", "3"})))
                .hasMessageStartingWith("unknown flag --kill");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> ChaosBenchmark.plan(new String[] {"--seed"})))
                .hasMessage("--seed needs a value");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> ChaosBenchmark.plan(new String[] {"--kills", "2", "--broker-restarts", "3"})))
                .hasMessage("broker restarts must be between 0 and the kills (2), was 3");
    }
}
