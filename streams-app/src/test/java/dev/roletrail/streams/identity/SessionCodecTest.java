package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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

    /**
     * {@code compact-v1/sessions.b64}: the sessions the real records issue, one per line, as version 1 wrote them
     * (every field a string), before version 2 wrote less of what a session repeats.
     */
    @Test
    void shouldStillReadVersionOneAndWriteLess() throws IOException {
        List<Session> sessions = new ArrayList<>();
        for (String file : CloudTrailSamples.stratusFileNames()) {
            StratusObservations.of(file).forEach(observation -> observation.issuedSession().ifPresent(sessions::add));
        }
        List<byte[]> versionOne;
        try (InputStream in = getClass().getResourceAsStream("/compact-v1/sessions.b64")) {
            versionOne = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .map(Base64.getDecoder()::decode).toList();
        }
        assertThat(versionOne).hasSameSizeAs(sessions);

        for (int i = 0; i < sessions.size(); i++) {
            assertThat(versionOne.get(i)[0]).isEqualTo((byte) 1);
            assertThat(SessionCodec.serde().deserializer().deserialize("t", versionOne.get(i)))
                    .isEqualTo(sessions.get(i));
            byte[] now = SessionCodec.serde().serializer().serialize("t", sessions.get(i));
            assertThat(now[0]).isEqualTo((byte) 2);
            assertThat(now.length).as(sessions.get(i).keyId()).isLessThan(versionOne.get(i).length);
        }
    }

    @Test
    void shouldKeepAChainThatDoesNotStartAtTheOriginAndAnUnknownIssuingCall() {
        Session odd = new Session("ASIAEXAMPLEODD000001", "arn:aws:iam::111122223333:role/Deploy",
                "account:444455556666", List.of("arn:aws:iam::111122223333:role/Deploy",
                        "arn:aws:iam::111122223333:role/Developer", "account:444455556666"),
                null, "AssumeRoot", "odd", Instant.parse("2026-09-14T10:00:00Z"), null, "AWS Internal",
                "not-a-uuid");

        byte[] bytes = SessionCodec.serde().serializer().serialize("t", odd);

        assertThat(SessionCodec.serde().deserializer().deserialize("t", bytes)).isEqualTo(odd);
    }

    @Test
    void shouldStillReadWhatStateSerdeWroteBeforeAnUpgradeAndBeSmaller() {
        byte[] cbor = StateSerde.of(Session.class).serializer().serialize("t", CHAINED);
        byte[] compact = SessionCodec.serde().serializer().serialize("t", CHAINED);

        assertThat(SessionCodec.serde().deserializer().deserialize("t", cbor)).isEqualTo(CHAINED);
        assertThat(compact.length).isLessThan(cbor.length);
    }
}
