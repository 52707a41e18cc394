package dev.roletrail.streams.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.detect.EventEvidence;
import dev.roletrail.streams.state.StateSerde;

class NetworkUseCodecTest {

    private static final List<NetworkUse> USES = List.of(
            new NetworkUse(new EventEvidence("e-1", Instant.parse("2026-10-01T09:00:00Z"), "111122223333",
                    "eu-west-1", "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/alice",
                    List.of("arn:aws:iam::111122223333:user/alice"), "AKIAEXAMPLE", "203.0.113.0/24",
                    "aws-cli/2.15.0 Python/3.11"), null),
            new NetworkUse(new EventEvidence("e-2", Instant.parse("2026-10-01T09:00:01Z"), null, null,
                    "arn:aws:iam::111122223333:role/Web", null, List.of(), "ASIAEXAMPLE", "203.0.113.0/24", null),
                    "EC2 instance-role"));

    @Test
    void shouldReadBackEveryField() {
        for (NetworkUse use : USES) {
            byte[] bytes = NetworkUseCodec.serde().serializer().serialize("network-uses", use);

            assertThat(NetworkUseCodec.serde().deserializer().deserialize("network-uses", bytes)).isEqualTo(use);
        }
    }

    /** Uses written before the upgrade, still in the repartition topic. */
    @Test
    void shouldReadUsesWrittenAsCbor() {
        for (NetworkUse use : USES) {
            byte[] cbor = StateSerde.of(NetworkUse.class).serializer().serialize("network-uses", use);

            assertThat(NetworkUseCodec.serde().deserializer().deserialize("network-uses", cbor)).isEqualTo(use);
        }
    }
}
