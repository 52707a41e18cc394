package dev.roletrail.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.TestDatasets;
import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.label.LabelsFile;

class DormantKeyReactivatedTest {

    private static Label label(int days) throws Exception {
        SimulationSpec small = SimulationSpec.small(3);
        SimulationSpec spec = new SimulationSpec(3, small.accounts(), small.users(), days, small.eventsPerDay(),
                small.start());
        LabelsFile labels = LabelsFile.fromJson(TestDatasets.simulate(spec).sink().objects.get(Simulator.LABELS));
        return labels.labels().stream().filter(l -> l.scenario().equals("dormant-key-reactivated")).findFirst()
                .orElseThrow();
    }

    @Test
    void shouldExpectANewNetworkOnlyWhileTheKeysNetworksAreStillKept() throws Exception {
        assertThat(label(35).detectors()).as("idle 151 days: its networks are kept")
                .isEqualTo(List.of("dormant-credential-reactivated", "new-network-for-key"));
        assertThat(label(90).detectors()).as("idle 206 days: past the 180-day entity retention")
                .isEqualTo(List.of("dormant-credential-reactivated"));
    }
}
