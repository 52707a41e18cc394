package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.state.StateSerde;
import dev.roletrail.testkit.CloudTrailSamples;

class SessionCodecTest {

    private static final Session CHAINED = new Session("ASIAEXAMPLECHAIN0001", "arn:aws:iam::111122223333:role/Deploy",
            "arn:aws:iam::444455556666:user/alice", List.of("arn:aws:iam::444455556666:user/alice",
                    "arn:aws:iam::111122223333:role/Developer", "arn:aws:iam::111122223333:role/Deploy"),
            "alice@example.com", "AssumeRole", "alice-deploy", Instant.parse("2026-09-14T10:00:00Z"),
            Instant.parse("2026-09-14T11:00:00Z"), "203.0.113.0/24", "b1c2d3e4-0000-4000-8000-000000000001");
    private static final Session SPARSE = new Session("ASIAEXAMPLESPARSE001", "arn:aws:iam::111122223333:user/bob",
            "arn:aws:iam::111122223333:user/bob", List.of(), null, "GetSessionToken", null,
            Instant.parse("2026-09-14T10:00:00Z"), null, null, null);

    @Test
    void shouldKeepEverySessionTheRealRecordsIssue() {
        List<Session> sessions = new ArrayList<>(List.of(CHAINED, SPARSE));
        for (String file : CloudTrailSamples.stratusFileNames()) {
            StratusObservations.of(file).forEach(observation -> observation.issuedSession().ifPresent(sessions::add));
        }
        assertThat(sessions).hasSizeGreaterThan(5);

        for (Session session : sessions) {
            byte[] bytes = SessionCodec.serde().serializer().serialize("t", session);
            assertThat(SessionCodec.serde().deserializer().deserialize("t", bytes)).isEqualTo(session);
        }
    }

    @Test
    void shouldStillReadWhatStateSerdeWroteBeforeAnUpgradeAndBeSmaller() {
        byte[] cbor = StateSerde.of(Session.class).serializer().serialize("t", CHAINED);
        byte[] compact = SessionCodec.serde().serializer().serialize("t", CHAINED);

        assertThat(SessionCodec.serde().deserializer().deserialize("t", cbor)).isEqualTo(CHAINED);
        assertThat(compact.length).isLessThan(cbor.length);
    }
}
