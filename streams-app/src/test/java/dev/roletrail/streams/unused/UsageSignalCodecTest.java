package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.nhi.Trait;
import dev.roletrail.streams.state.StateSerde;

class UsageSignalCodecTest {

    private static final Instant AT = Instant.parse("2026-10-01T09:00:00Z");
    private static final String APP = "arn:aws:iam::111122223333:role/App";

    private static final List<UsageSignal> EVERY_KIND = List.of(
            new UsageSignal(APP, AT, false, "s3:GetObject", null, "arn:aws:iam::111122223333:user/alice", null, null,
                    null),
            new UsageSignal(APP, AT, true, null, null, "arn:aws:iam::111122223333:user/alice",
                    "arn:aws:iam::111122223333:user/alice", "203.0.113.0/24", "aws-cli"),
            new UsageSignal("arn:aws:iam::111122223333:user/alice", AT, false, "iam:ListUsers", "AKIAEXAMPLE", null,
                    null, null, null).carrying(UsageSignal.trait(APP, AT,
                    new Trait("AKIAEXAMPLE", "aws-cli", "203.0.113.0/24", Trait.spanOf(AT)), APP)),
            UsageSignal.trait("external:904895335768", AT, new Trait(Trait.SESSION, "boto3", "198.51.100.0/24", 11),
                    APP),
            UsageSignal.creation("arn:aws:iam::111122223333:role/New", AT, "arn:aws:iam::111122223333:user/admin"),
            UsageSignal.watermark(3, AT, Instant.parse("2026-09-01T00:00:00Z")),
            UsageSignal.watermark(0, AT, null));

    @Test
    void shouldReadBackEveryKindOfSignal() {
        for (UsageSignal signal : EVERY_KIND) {
            byte[] bytes = UsageSignalCodec.serde().serializer().serialize("usage-signals", signal);

            assertThat(UsageSignalCodec.serde().deserializer().deserialize("usage-signals", bytes)).isEqualTo(signal);
        }
    }

    /** Signals a deployment wrote before the upgrade, still in the repartition topic and in findings-pending. */
    @Test
    void shouldReadSignalsWrittenAsCbor() {
        for (UsageSignal signal : EVERY_KIND) {
            byte[] cbor = StateSerde.of(UsageSignal.class).serializer().serialize("usage-signals", signal);

            assertThat(UsageSignalCodec.serde().deserializer().deserialize("usage-signals", cbor)).isEqualTo(signal);
        }
    }

    @Test
    void shouldTakeFewerBytesThanCbor() {
        UsageSignal signal = EVERY_KIND.get(2);

        int compact = UsageSignalCodec.serde().serializer().serialize("t", signal).length;
        int cbor = StateSerde.of(UsageSignal.class).serializer().serialize("t", signal).length;

        assertThat(compact).isLessThan(cbor * 2 / 3); // 150 against 240: no field names
    }
}
