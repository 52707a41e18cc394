package dev.roletrail.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.Json;
import dev.roletrail.simulator.SimulationResult;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.output.DirectorySink;
import dev.roletrail.testkit.SyntheticTraffic.KeyedRecord;

class SimulatedInputTest {

    @Test
    void shouldFeedTheStreamsBenchmarkEveryRecordOfASimulationInEventTimeOrder() throws Exception {
        List<KeyedRecord> records = TrafficSource.SIMULATOR.traffic(10, 22, 100);
        SimulationSpec spec = new SimulationSpec(7, 3, 10, 22, 100, SimulationSpec.DEFAULT_START);
        SimulationResult written = Simulator.run(spec, (key, bytes) -> { });

        assertThat(records.size()).isEqualTo(written.events());
        assertThat(records).extracting(r -> Json.mapper().readTree(r.json()).path("eventTime").asText()).isSorted();
        assertThat(records).extracting(KeyedRecord::principal).contains(Simulator.organization(spec).users().get(0).arn());
    }

    @Test
    void shouldGiveEachOfManySimulatedUsersItsOwnPrincipalAndKey() throws Exception {
        List<KeyedRecord> records = TrafficSource.SIMULATOR.distinctPrincipals(2_000);

        assertThat(records).extracting(KeyedRecord::principal).hasSize(2_000).doesNotHaveDuplicates();
        assertThat(records).extracting(r -> key(r.json())).doesNotHaveDuplicates().allMatch(k -> k.startsWith("AKIA"));
    }

    @Test
    void shouldLoadASimulatedTrailAsIngestBenchmarkObjects(@TempDir Path dir) throws Exception {
        SimulationResult written = Simulator.run(SimulationSpec.small(7), new DirectorySink(dir));

        List<BenchmarkData.LogObject> all = SimulatedObjects.load(dir, Integer.MAX_VALUE);
        List<BenchmarkData.LogObject> some = SimulatedObjects.load(dir, 500);

        assertThat(all).hasSize((int) written.objects()).allMatch(o -> o.key().startsWith("AWSLogs/o-"));
        assertThat(all.stream().mapToLong(BenchmarkData.LogObject::records).sum()).isEqualTo(written.events());
        assertThat(some.stream().mapToInt(BenchmarkData.LogObject::records).sum()).as("whole objects up to 500 records")
                .isBetween(500, 499 + some.get(some.size() - 1).records());
        assertThat(some).extracting(BenchmarkData.LogObject::key)
                .containsExactlyElementsOf(all.subList(0, some.size()).stream().map(BenchmarkData.LogObject::key).toList());
    }

    private static String key(String json) throws Exception {
        return Json.mapper().readTree(json).path("userIdentity").path("accessKeyId").asText();
    }
}
