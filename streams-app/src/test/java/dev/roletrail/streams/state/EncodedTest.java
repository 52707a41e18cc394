package dev.roletrail.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class EncodedTest {

    private final AtomicInteger decoded = new AtomicInteger();
    private final Deserializer<String> counting = (topic, bytes) -> {
        decoded.incrementAndGet();
        return Serdes.String().deserializer().deserialize(topic, bytes);
    };
    private final Serde<Encoded<String>> serde = Encoded.serde(
            Serdes.serdeFrom(Serdes.String().serializer(), counting));

    @Test
    void shouldWriteTheInnerSerdesBytes() {
        byte[] bytes = serde.serializer().serialize("t", Encoded.of("finding"));

        assertThat(bytes).isEqualTo(Serdes.String().serializer().serialize("t", "finding"));
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }

    @Test
    void shouldDecodeOnlyWhenReadAndOnlyOnce() {
        Encoded<String> read = serde.deserializer().deserialize("t", "finding".getBytes());

        assertThat(decoded).as("reading the store decodes nothing").hasValue(0);
        assertThat(read.value()).isEqualTo("finding");
        assertThat(read.value()).isEqualTo("finding");
        assertThat(decoded).hasValue(1);
        assertThat(serde.serializer().serialize("t", read)).as("written back as read").isEqualTo("finding".getBytes());
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
