package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.state.StateSerde;
import dev.roletrail.testkit.CloudTrailSamples;

class ObservationCodecTest {

    @Test
    void shouldKeepEveryRealObservationWholeWithAndWithoutItsSession() {
        List<Observation> observations = new ArrayList<>();
        for (String file : CloudTrailSamples.stratusFileNames()) {
            observations.addAll(StratusObservations.of(file));
        }
        assertThat(observations).hasSizeGreaterThan(100);

        for (Observation observation : observations) {
            assertThat(roundTrip(observation)).isEqualTo(observation);
            Session issued = observation.issuedSession().orElse(null);
            if (issued != null) {
                Observation inSession = new Observation(observation.event(), observation.principal(),
                        Lineage.of(issued));
                assertThat(roundTrip(inSession)).isEqualTo(inSession);
            }
        }
    }

    @Test
    void shouldStillReadWhatStateSerdeWroteBeforeAnUpgrade() {
        Observation observation = StratusObservations.of(CloudTrailSamples.stratusFileNames().get(0)).get(0);
        byte[] cbor = StateSerde.of(Observation.class).serializer().serialize("t", observation);

        assertThat(ObservationCodec.serde().deserializer().deserialize("t", cbor)).isEqualTo(observation);
        assertThat(ObservationCodec.serde().serializer().serialize("t", observation)).hasSizeLessThan(cbor.length);
    }

    private static Observation roundTrip(Observation observation) {
        byte[] bytes = ObservationCodec.serde().serializer().serialize("t", observation);
        return ObservationCodec.serde().deserializer().deserialize("t", bytes);
    }
}
