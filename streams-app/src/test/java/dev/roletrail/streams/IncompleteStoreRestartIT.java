package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.TestKafka;

/**
 * A streams app whose kill left a local RocksDB store incomplete (its {@code CURRENT} file names a {@code MANIFEST}
 * that is not there, as a SIGKILL in {@code ScaleOutKillIT} once left a window segment) starts again: Kafka Streams
 * 4.3 opens the stores it finds at start and threw, so the app could not start until someone deleted the directory.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IncompleteStoreRestartIT {

    @Test
    void shouldStartAgainAfterACrashLeftAStoreWithoutItsManifest(TestKafka kafka, @TempDir Path stateDir)
            throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 2);
        Map<String, String> settings = Map.of(
                "topic.prefix", topics.prefix(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "streams.application.id", kafka.uniqueName("incomplete-store"),
                "streams.state.dir", stateDir.toString());
        StreamsAppConfig config = StreamsAppConfig.from(Settings.of(settings));
        try (StreamsApp app = new StreamsApp(config)) {
            app.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
        }
        Path appDir = stateDir.resolve(config.applicationId());
        Path manifest = manifestOf(appDir.resolve("0_0/rocksdb/sessions"));
        Files.delete(manifest); // as if the kill came before RocksDB wrote it

        try (StreamsApp app = new StreamsApp(config)) {
            app.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
            assertThat(manifestOf(appDir.resolve("0_0/rocksdb/sessions"))).as("the task's stores made again").exists();
        }
    }

    private static Path manifestOf(Path store) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(store.resolve("CURRENT")));
        String name = Files.readString(store.resolve("CURRENT")).strip();
        try (Stream<Path> files = Files.list(store)) {
            List<Path> manifests = files.filter(f -> f.getFileName().toString().equals(name)).toList();
            assertThat(manifests).as("%s names a manifest that exists", store).hasSize(1);
            return manifests.get(0);
        }
    }
}
