package dev.roletrail.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;

/**
 * Merges settings from, in rising precedence: the built-in defaults, a properties file ({@code --config}), the
 * environment ({@code ROLETRAIL_*}, {@code KAFKA_*}), and command-line flags.
 */
public final class SettingsSources {

    private SettingsSources() {
    }

    public static Settings merge(Path configFile, Map<String, String> env, Map<String, String> flags) {
        return Settings.of(values(configFile, env, flags));
    }

    /** The merged values themselves, for a command that adds settings of its own on top. */
    public static Map<String, String> values(Path configFile, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (configFile != null) {
            merged.putAll(readProperties(configFile));
        }
        merged.putAll(Settings.fromEnvironment(env));
        flags.forEach((name, value) -> {
            if (value != null) {
                merged.put(name, value);
            }
        });
        return merged;
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new InvalidConfigException("--config " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
