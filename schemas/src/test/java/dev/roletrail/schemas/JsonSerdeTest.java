package dev.roletrail.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;

class JsonSerdeTest {

    private final JsonSerde<Alert> serde = JsonSerde.of(Alert.class);

    static Alert sampleAlert() {
        return new Alert("0123456789abcdef0123456789abcdef", "first-time-assumption",
                "arn:aws:iam::111122223333:user/alice\u0000arn:aws:iam::111122223333:role/Admin", Severity.MEDIUM,
                "alice assumed Admin for the first time", "111122223333", "eu-west-1",
                "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/alice",
                List.of("arn:aws:iam::111122223333:user/alice"), "arn:aws:iam::111122223333:role/Admin", "AKIAEXAMPLE",
                "203.0.113.0/24", "aws-cli", List.of("e-1"), Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-20T10:00:00Z"), "alice assumed 0 other roles", "new edge", List.of("T1078.004"),
                "Confirm with alice", 1);
    }

    @Test
    void shouldRoundTripARecord() {
        Alert alert = sampleAlert();

        byte[] bytes = serde.serializer().serialize("t", alert);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(alert);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"firstEventTime\":\"2026-11-20T10:00:00Z\"");
    }

    @Test
    void shouldMapNullToNull() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldWrapFailuresInSerializationException() {
        byte[] garbage = "{\"id\":".getBytes(StandardCharsets.UTF_8);

        SerializationException e = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize("t", garbage));

        assertThat(e).hasMessageContaining("Alert");
    }

    @Test
    void shouldRejectAnAlertThatBreaksItsInvariants() {
        byte[] noCount = serde.serializer().serialize("t", sampleAlert());
        String broken = new String(noCount, StandardCharsets.UTF_8).replace("\"count\":1", "\"count\":0");

        assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize("t", broken.getBytes(StandardCharsets.UTF_8)));
    }
}
