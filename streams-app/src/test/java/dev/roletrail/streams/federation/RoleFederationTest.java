package dev.roletrail.streams.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import dev.roletrail.streams.detect.EventEvidence;
import dev.roletrail.streams.state.StateSerde;

class RoleFederationTest {

    private static final String DEPLOY = "arn:aws:iam::111122223333:role/deploy";
    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void shouldReadAValueStoredByAnEarlierVersionAsHavingNothingPending() {
        // What the store held before pending subjects: the four fields alone.
        Serde<Map> earlier = StateSerde.of(Map.class);
        byte[] stored = earlier.serializer().serialize("role-federation", Map.of("role", DEPLOY,
                "firstSeen", AT.toString(), "providers", List.of("github"), "subjects", List.of("github|main")));

        RoleFederation read = StateSerde.of(RoleFederation.class).deserializer().deserialize("role-federation", stored);

        assertThat(read).isEqualTo(new RoleFederation(DEPLOY, AT, List.of("github"), List.of("github|main")));
        assertThat(read.pending()).isEmpty();
    }

    @Test
    void shouldKeepItsPendingSubjectsThroughTheStore() {
        EventEvidence evidence = new EventEvidence("e-1", AT, "111122223333", "eu-west-1", "web-identity:github|x",
                "web-identity:github|x", List.of("web-identity:github|x"), null, "192.0.2.0/24", "aws-cli");
        RoleFederation value = RoleFederation.first(DEPLOY, AT, "github", "x")
                .withPending(new PendingSubject("github", "x", true, evidence), 10);
        Serde<RoleFederation> serde = StateSerde.of(RoleFederation.class);

        assertThat(serde.deserializer().deserialize("role-federation",
                serde.serializer().serialize("role-federation", value))).isEqualTo(value);
    }
}
