package dev.roletrail.streams.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.keys.KeyUsage.KnownNetwork;
import dev.roletrail.streams.state.StateSerde;

class KeyUsageCodecTest {

    private static final Instant FIRST = Instant.parse("2026-08-01T08:00:00Z");
    private static final Instant LAST = Instant.parse("2026-09-14T17:30:05Z");
    private static final KeyUsage USED = new KeyUsage("AKIAEXAMPLEKEY000001", "arn:aws:iam::111122223333:user/svc",
            FIRST, LAST, 926, List.of(new KnownNetwork("10.1.0.0/16", FIRST, LAST),
                    new KnownNetwork("203.0.113.0/24", LAST, LAST)), List.of("aws-cli", "boto3"));

    @Test
    void shouldKeepUsageWholeWithAndWithoutItsLists() {
        for (KeyUsage usage : List.of(USED, USED.reduced())) {
            byte[] bytes = KeyUsageCodec.serde().serializer().serialize("t", usage);
            assertThat(KeyUsageCodec.serde().deserializer().deserialize("t", bytes)).isEqualTo(usage);
        }
    }

    @Test
    void shouldStillReadWhatStateSerdeWroteBeforeAnUpgradeAndBeSmaller() {
        byte[] cbor = StateSerde.of(KeyUsage.class).serializer().serialize("t", USED);

        assertThat(KeyUsageCodec.serde().deserializer().deserialize("t", cbor)).isEqualTo(USED);
        assertThat(KeyUsageCodec.serde().serializer().serialize("t", USED)).hasSizeLessThan(cbor.length);
    }
}
