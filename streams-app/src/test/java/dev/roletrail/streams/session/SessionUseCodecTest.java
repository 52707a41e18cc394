package dev.roletrail.streams.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.state.StateSerde;

class SessionUseCodecTest {

    private static final SessionUse USE = new SessionUse("ASIAEXAMPLEKEY000001", "10.1.0.0/16",
            Instant.parse("2026-09-14T10:00:00Z"), Instant.parse("2026-09-14T10:59:59Z"));

    @Test
    void shouldKeepAUseWholeAndStillReadWhatStateSerdeWrote() {
        byte[] bytes = SessionUseCodec.serde().serializer().serialize("t", USE);
        byte[] cbor = StateSerde.of(SessionUse.class).serializer().serialize("t", USE);

        assertThat(SessionUseCodec.serde().deserializer().deserialize("t", bytes)).isEqualTo(USE);
        assertThat(SessionUseCodec.serde().deserializer().deserialize("t", cbor)).isEqualTo(USE);
        assertThat(bytes).hasSizeLessThan(cbor.length);
    }
}
