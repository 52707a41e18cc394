package dev.roletrail.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProbeLedgerTest {

    @Test
    void shouldJoinTheStagesOfAProbeByItsEventIdAndItsObject() {
        ProbeLedger ledger = probe(false, 1_000, 4_000, 4_600, 5_000, 6_100, "sensitive-role-assumed");

        ProbeLedger.Probe probe = ledger.probesSince(0).get(0);

        assertThat(probe).isEqualTo(new ProbeLedger.Probe("e1", "s3://b/k1", false, 1_000, 4_000, 4_600, 5_000, 6_100,
                "sensitive-role-assumed"));
        assertThat(List.of(probe.pollWait(), probe.ingestToTopic(), probe.streams(), probe.total()))
                .containsExactly(3_000L, 600L, 1_500L, 5_100L);
        assertThat(List.of(probe.detectors(), probe.suppression())).containsExactly(400L, 1_100L);
    }

    @Test
    void shouldKeepTheFirstSightingOfEachStage() {
        ProbeLedger ledger = probe(true, 1_000, 2_000, 2_500, 2_700, 3_000, "sensitive-role-assumed-without-mfa");
        ledger.opened("s3://b/k1", 9_000);
        ledger.committed("e1", 9_500);
        ledger.detected("e1", 2_900);
        ledger.alerted("e1", 3_100, "sensitive-role-assumed");

        assertThat(ledger.probesSince(0)).containsExactly(new ProbeLedger.Probe("e1", "s3://b/k1", true, 1_000, 2_000,
                2_500, 2_700, 3_000, "sensitive-role-assumed-without-mfa"));
    }

    @Test
    void shouldLeaveOutProbesWrittenBeforeTheMeasurementAndCountOnlyCompleteOnes() {
        ProbeLedger ledger = new ProbeLedger();
        ledger.written("warm", "s3://b/k0", false, 500);
        ledger.written("e2", "s3://b/k2", false, 2_000);
        ledger.written("e1", "s3://b/k1", false, 1_000);
        ledger.opened("s3://b/k1", 1_200);
        ledger.committed("e1", 1_300);
        ledger.detected("e1", 1_600);
        ledger.alerted("e1", 1_900, "sensitive-role-assumed");
        ledger.opened("s3://b/k2", 2_100);
        ledger.written("e3", "s3://b/k3", false, 3_000);
        ledger.opened("s3://b/k3", 3_100);
        ledger.committed("e3", 3_200);
        ledger.alerted("e3", 3_900, "sensitive-role-assumed");

        List<ProbeLedger.Probe> probes = ledger.probesSince(1_000);

        assertThat(probes).extracting(ProbeLedger.Probe::eventId).as("in the order written")
                .containsExactly("e1", "e2", "e3");
        assertThat(probes.get(1).committed()).isEqualTo(-1);
        assertThat(probes.get(2).detected()).as("alerted, but never seen leaving the detectors").isEqualTo(-1);
        assertThat(ProbeLedger.complete(probes)).extracting(ProbeLedger.Probe::eventId).containsExactly("e1");
        assertThat(ledger.isProbe("e2")).isTrue();
        assertThat(ledger.isProbe("benign")).isFalse();
    }

    @Test
    void shouldTakePercentilesOfOneStage() {
        ProbeLedger ledger = new ProbeLedger();
        for (int i = 0; i < 10; i++) {
            String id = "e" + i;
            ledger.written(id, "s3://b/" + i, false, i);
            ledger.opened("s3://b/" + i, i + 100L * (i + 1));
            ledger.committed(id, i + 100L * (i + 1) + 5);
            ledger.detected(id, i + 100L * (i + 1) + 15);
            ledger.alerted(id, i + 100L * (i + 1) + 25, "d");
        }
        List<ProbeLedger.Probe> complete = ProbeLedger.complete(ledger.probesSince(0));

        assertThat(ProbeLedger.stage(complete, ProbeLedger.Probe::pollWait)).isEqualTo(new Percentiles(10, 500, 1_000,
                1_000));
        assertThat(ProbeLedger.stage(complete, ProbeLedger.Probe::streams)).isEqualTo(new Percentiles(10, 20, 20, 20));
        assertThat(ProbeLedger.stage(complete, ProbeLedger.Probe::suppression)).isEqualTo(new Percentiles(10, 10, 10,
                10));
    }

    /** A ledger with probe {@code e1} of object {@code s3://b/k1} at these stages. */
    private static ProbeLedger probe(boolean late, long written, long opened, long committed, long detected,
            long alerted, String detector) {
        ProbeLedger ledger = new ProbeLedger();
        ledger.written("e1", "s3://b/k1", late, written);
        ledger.opened("s3://b/k1", opened);
        ledger.committed("e1", committed);
        ledger.detected("e1", detected);
        ledger.alerted("e1", alerted, detector);
        return ledger;
    }
}
