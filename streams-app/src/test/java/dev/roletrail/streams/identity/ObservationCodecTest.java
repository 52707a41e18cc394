package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.state.CompactWriter;
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

    /**
     * Version 1, as the build before sessions' version 2 wrote it into {@code federated-by-role}: the same fields, and
     * the session's in version 1's form, every one a string. Still in the topic when a deployment upgrades.
     */
    @Test
    void shouldStillReadVersionOneWithItsSessionInVersionOne() {
        Observation called = StratusObservations.of(CloudTrailSamples.stratusFileNames().get(0)).get(0);
        Session session = new Session("ASIAEXAMPLECHAIN0001", called.principal().id(),
                "arn:aws:iam::444455556666:user/alice", List.of("arn:aws:iam::444455556666:user/alice",
                        called.principal().id()), "alice@example.com", "AssumeRole", "alice",
                Instant.parse("2026-09-14T10:00:00Z"), Instant.parse("2026-09-14T11:00:00Z"), "203.0.113.0/24",
                "b1c2d3e4-0000-4000-8000-000000000001");
        Observation observation = new Observation(called.event(), called.principal(), Lineage.of(session));
        CompactWriter out = new CompactWriter();
        out.writeByte(1);
        CloudTrailRecordCodec.write(observation.event(), out);
        out.writeString(observation.principal().id());
        out.writeString(observation.principal().type().name());
        out.writeString(observation.principal().accountId());
        out.writeString(observation.lineage().origin());
        out.writeStrings(observation.lineage().chain());
        out.writeString(observation.lineage().sourceIdentity());
        out.writeBoolean(true);
        out.writeString(session.keyId());
        out.writeString(session.actingAs());
        out.writeString(session.origin());
        out.writeStrings(session.chain());
        out.writeString(session.sourceIdentity());
        out.writeString(session.issuedBy());
        out.writeString(session.sessionName());
        out.writeInstant(session.issuedAt());
        out.writeInstant(session.expiresAt());
        out.writeString(session.issuedFrom());
        out.writeString(session.issuingEventId());

        assertThat(ObservationCodec.serde().deserializer().deserialize("t", out.toByteArray())).isEqualTo(observation);
        assertThat(ObservationCodec.serde().serializer().serialize("t", observation)[0]).isEqualTo((byte) 2);
    }

    private static Observation roundTrip(Observation observation) {
        byte[] bytes = ObservationCodec.serde().serializer().serialize("t", observation);
        return ObservationCodec.serde().deserializer().deserialize("t", bytes);
    }
}
