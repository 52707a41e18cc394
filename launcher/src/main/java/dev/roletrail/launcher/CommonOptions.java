package dev.roletrail.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.roletrail.schemas.config.Settings;
import picocli.CommandLine.Option;

/** Options every command that talks to Kafka shares. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with settings (see the README's configuration table).")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Kafka bootstrap servers (setting kafka.bootstrap.servers; default localhost:9092).")
    String bootstrapServers;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Prefix of every topic (default roletrail).")
    String topicPrefix;

    @Option(names = "--create-topics", description = "Create missing topics at start (setting topics.create).")
    Boolean createTopics;

    /** Settings from file, environment and these flags; {@code more} holds the command's own flags. */
    public Settings settings(Map<String, String> more) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("kafka.bootstrap.servers", bootstrapServers);
        flags.put("topic.prefix", topicPrefix);
        flags.put("topics.create", createTopics == null ? null : createTopics.toString());
        flags.putAll(more);
        return SettingsSources.merge(config, System.getenv(), flags);
    }
}
