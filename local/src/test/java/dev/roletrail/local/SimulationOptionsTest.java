package dev.roletrail.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.simulator.SimulationSpec;
import picocli.CommandLine;

/** Which organisation the simulation flags describe: the profiles and the flags over them. */
class SimulationOptionsTest {

    private static SimulationSpec spec(String... args) {
        EvaluateCommand command = new EvaluateCommand();
        new CommandLine(command).parseArgs(args);
        return command.simulation.spec();
    }

    @Test
    void shouldDescribeTheScaleProfileAsAThousandUsersOverNinetyDaysWithOverAMillionEvents() {
        SimulationSpec scale = spec("--scale", "--seed", "11");

        assertThat(scale).isEqualTo(SimulationSpec.scale(11));
        assertThat(scale.users()).isGreaterThanOrEqualTo(1_000);
        assertThat(scale.days()).isEqualTo(90);
        assertThat((long) scale.days() * scale.eventsPerDay()).as("benign events, about").isGreaterThan(1_000_000);
    }

    @Test
    void shouldLetFlagsOverrideTheProfile() {
        SimulationSpec spec = spec("--scale", "--days", "30", "--events-per-day", "5000");

        assertThat(spec).isEqualTo(new SimulationSpec(7, 3, 1_000, 30, 5_000, SimulationSpec.DEFAULT_START));
    }

    @Test
    void shouldRefuseTwoProfilesNamingBoth() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> spec("--small", "--scale"));

        assertThat(e.getMessage()).contains("--small", "--scale");
    }
}
