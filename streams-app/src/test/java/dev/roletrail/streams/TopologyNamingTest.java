package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.config.StreamsAppConfig;

/**
 * Pins the topology's shape: a rename of a processor or store would orphan state and changelogs in running
 * deployments, so it must be a deliberate change to {@code topology.txt}, not an accident.
 */
class TopologyNamingTest {

    private final TopologyDescription description =
            RoleTrailTopology.build(StreamsAppConfig.from(Settings.of(Map.of()))).describe();

    @Test
    void shouldMatchThePinnedDescription() throws IOException {
        try (InputStream pinned = getClass().getResourceAsStream("/topology.txt")) {
            assertThat(pinned).as("src/test/resources/topology.txt").isNotNull();
            String expected = new String(pinned.readAllBytes(), StandardCharsets.UTF_8);
            // The actual description, to copy over topology.txt when a change of shape is deliberate.
            Files.writeString(Path.of("target", "topology-actual.txt"), description.toString());

            assertThat(description.toString().strip())
                    .as("topology changed: review target/topology-actual.txt and copy it to src/test/resources/topology.txt")
                    .isEqualTo(expected.strip());
        }
    }

    @Test
    void shouldNameEveryProcessorAndStore() {
        assertThat(description.toString())
                .as("generated names such as KSTREAM-MAP-0000000004 change when the topology changes")
                .doesNotContain("KSTREAM-", "KTABLE-", "KSTATE-");
    }
}
