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

    /** A codec that changed its form: version 2 writes the number first; version 1 is still read. */
    private static final class SampleCodecV2 implements CompactSerde.Codec<Sample> {
        @Override
        public int version() {
            return 2;
        }

        @Override
        public void write(Sample value, CompactWriter out) {
            out.writeLong(value.number());
            out.writeString(value.text());
            out.writeInstant(value.at());
            out.writeStrings(value.names());
            out.writeBoolean(value.flag());
        }

        @Override
        public Sample read(CompactReader in) {
            return read(in, 2);
        }

        @Override
        public Sample read(CompactReader in, int version) {
            if (version == 1) {
                return new SampleCodec().read(in);
            }
            long number = in.readLong();
            return new Sample(in.readString(), number, in.readInstant(), in.readStrings(), in.readBoolean());
        }
    }

    @Test
    void shouldWriteTheLatestVersionAndReadEveryEarlierOne() {
        CompactSerde<Sample> v2 = CompactSerde.of(Sample.class, new SampleCodecV2());
        Sample sample = new Sample("arn:aws:iam::111122223333:user/bob", 7, Instant.parse("2026-01-01T00:00:00Z"),
                List.of("a"), true);
        byte[] written = v2.serializer().serialize("t", sample);

        assertThat(written[0]).isEqualTo((byte) 2);
        assertThat(v2.deserializer().deserialize("t", written)).isEqualTo(sample);
        assertThat(v2.deserializer().deserialize("t", serde.serializer().serialize("t", sample))).isEqualTo(sample);
        assertThat(v2.deserializer().deserialize("t", StateSerde.of(Sample.class).serializer().serialize("t",
                sample))).isEqualTo(sample);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", written))
                .as("a version its codec does not know").isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldKeepIdsAsWrittenWhetherOrNotTheyAreUuids() {
        List<String> ids = List.of("7f6c2a1e-3b4d-4c5e-9f01-23456789abcd", "00000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffff", "7F6C2A1E-3B4D-4C5E-9F01-23456789ABCD",
                "7f6c2a1e3b4d4c5e9f0123456789abcd", "7f6c2a1e-3b4d-4c5e-9f01-23456789abc", "e-1", "");
        CompactWriter out = new CompactWriter();
        ids.forEach(out::writeId);
        out.writeId(null);
        byte[] bytes = out.toByteArray();

        CompactReader in = new CompactReader(bytes, 0);
        ids.forEach(id -> assertThat(in.readId()).isEqualTo(id));
        assertThat(in.readId()).isNull();
        in.requireEnd();
        CompactWriter uuid = new CompactWriter();
        uuid.writeId(ids.get(0));
        assertThat(uuid.toByteArray()).hasSize(17);
    }

    @Test
    void shouldRefuseToWriteANegativeVarintItsReaderWouldRefuse() {
        assertThatThrownBy(() -> new CompactWriter().writeVarint(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
