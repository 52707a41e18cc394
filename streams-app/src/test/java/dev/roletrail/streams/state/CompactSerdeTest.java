package dev.roletrail.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class CompactSerdeTest {

    record Sample(String text, long number, Instant at, List<String> names, boolean flag) {
    }

    private static final class SampleCodec implements CompactSerde.Codec<Sample> {
        @Override
        public void write(Sample value, CompactWriter out) {
            out.writeString(value.text());
            out.writeLong(value.number());
            out.writeInstant(value.at());
            out.writeStrings(value.names());
            out.writeBoolean(value.flag());
        }

        @Override
        public Sample read(CompactReader in) {
            return new Sample(in.readString(), in.readLong(), in.readInstant(), in.readStrings(), in.readBoolean());
        }
    }

    private final CompactSerde<Sample> serde = CompactSerde.of(Sample.class, new SampleCodec());

    @Test
    void shouldReadBackEveryFieldAsWritten() {
        List<Sample> samples = List.of(
                new Sample("arn:aws:iam::111122223333:role/Deploy", 42, Instant.parse("2026-01-01T00:00:00Z"),
                        List.of("a", "", "b"), true),
                new Sample(null, -1, null, List.of(), false),
                new Sample("Ünïcödé ☃ \u0000 nul", Long.MIN_VALUE, Instant.ofEpochSecond(-5, 999_999_999),
                        List.of("x".repeat(70_000)), true),
                new Sample("", Long.MAX_VALUE, Instant.MAX, List.of("só"), false));

        for (Sample sample : samples) {
            byte[] bytes = serde.serializer().serialize("t", sample);

            assertThat(bytes[0]).isEqualTo(CompactSerde.VERSION);
            assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(sample);
        }
    }

    @Test
    void shouldKeepNullNull() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    /** What a deployment wrote before the compact form, still in its topics after the upgrade. */
    @Test
    void shouldReadWhatStateSerdeWroteBefore() {
        Sample sample = new Sample("arn:aws:iam::111122223333:user/bob", 7, Instant.parse("2026-01-01T00:00:00Z"),
                List.of("a"), true);
        byte[] cbor = StateSerde.of(Sample.class).serializer().serialize("t", sample);

        assertThat(cbor[0] & 0xE0).as("a CBOR map").isEqualTo(0xA0);
        assertThat(serde.deserializer().deserialize("t", cbor)).isEqualTo(sample);
    }

    @Test
    void shouldRefuseATruncatedOrOverlongValueNamingTheType() {
        byte[] bytes = serde.serializer().serialize("t",
                new Sample("text", 1, Instant.EPOCH, List.of("a", "b"), true));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Sample");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Sample");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {CompactSerde.VERSION, 100}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRefuseToWriteANegativeVarintItsReaderWouldRefuse() {
        assertThatThrownBy(() -> new CompactWriter().writeVarint(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
