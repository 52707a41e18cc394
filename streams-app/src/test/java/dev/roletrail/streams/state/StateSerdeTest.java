package dev.roletrail.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

import dev.roletrail.schemas.JsonSerde;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.identity.HeldEvents;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailSamples;

class StateSerdeTest {

    @Test
    void shouldGiveBackEqualObservationsForEveryStratusRecord() {
        JsonSerde<Observation> serde = StateSerde.of(Observation.class);
        for (String file : CloudTrailSamples.stratusFileNames()) {
            for (Observation observation : StratusObservations.of(file)) {
                byte[] bytes = serde.serializer().serialize("t", observation);

                assertThat(serde.deserializer().deserialize("t", bytes)).as(file).isEqualTo(observation);
            }
        }
    }

    @Test
    void shouldWriteAnObservationAsItsEventPrincipalAndLineageOnlyWhateverWasDerivedFromIt() throws Exception {
        Observation observation = StratusObservations.of(CloudTrailSamples.stratusFileNames().get(0)).get(0);
        observation.network();
        observation.userAgentFamily();
        observation.roleAssumption();
        observation.assumeRoleCall();
        observation.issuedSession();

        byte[] bytes = StateSerde.of(Observation.class).serializer().serialize("t", observation);

        List<String> fields = new ArrayList<>();
        new CBORMapper().readTree(bytes).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("what repartitions and stores held before the derived values were memoised")
                .containsExactly("event", "principal", "lineage");
    }

    @Test
    void shouldBeSmallerThanTheJsonOfTheSameRecord() {
        Observation observation = StratusObservations.of(CloudTrailSamples.stratusFileNames().get(0)).get(0);
        HeldEvents held = new HeldEvents(List.of(observation.event()), Instant.parse("2026-11-25T10:00:00Z"), false);

        byte[] cbor = StateSerde.of(HeldEvents.class).serializer().serialize("t", held);
        byte[] json = JsonSerde.of(HeldEvents.class).serializer().serialize("t", held);

        assertThat(cbor.length).isLessThan(json.length);
        assertThat(StateSerde.of(HeldEvents.class).deserializer().deserialize("t", cbor)).isEqualTo(held);
    }

    @Test
    void shouldPassNullsThroughAndNameTheTypeWhenBytesAreBroken() {
        JsonSerde<HeldEvents> serde = StateSerde.of(HeldEvents.class);

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{not cbor".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("HeldEvents");
    }
}
