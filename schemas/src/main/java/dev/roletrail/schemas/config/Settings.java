package dev.roletrail.schemas.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Flat string settings with dotted lower-case names ({@code s3.bucket}, {@code kafka.bootstrap.servers}), read into
 * typed values with one-line errors that name the setting. Settings named {@code kafka.*} are passed to the Kafka
 * clients without the prefix.
 */
public final class Settings {

    public static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings of(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k.trim(), v.trim());
            }
        });
        return new Settings(copy);
    }

    /**
     * Settings from environment variables: {@code ROLETRAIL_S3_BUCKET} becomes {@code s3.bucket} and
     * {@code KAFKA_BOOTSTRAP_SERVERS} becomes {@code kafka.bootstrap.servers}; other variables are ignored.
     */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> result = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("ROLETRAIL_")) {
                result.put(dotted(name.substring("ROLETRAIL_".length())), value);
            } else if (name.startsWith("KAFKA_")) {
                result.put(KAFKA_PREFIX + dotted(name.substring("KAFKA_".length())), value);
            }
        });
        return result;
    }

    private static String dotted(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace("__", "-").replace('_', '.');
    }

    public String string(String name, String defaultValue) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    public String required(String name) {
        String value = string(name, null);
        if (value == null) {
            throw new InvalidConfigException(name + " is required");
        }
        return value;
    }

    public int integer(String name, int defaultValue, int min, int max) {
        long value = longValue(name, defaultValue, min, max);
        return (int) value;
    }

    public long longValue(String name, long defaultValue, long min, long max) {
        String text = string(name, null);
        long value;
        if (text == null) {
            value = defaultValue;
        } else {
            try {
                value = Long.parseLong(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new InvalidConfigException(name + " must be a whole number, was '" + text + "'");
            }
        }
        if (value < min || value > max) {
            throw new InvalidConfigException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public boolean bool(String name, boolean defaultValue) {
        String text = string(name, null);
        if (text == null) {
            return defaultValue;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidConfigException(name + " must be true or false, was '" + text + "'");
        };
    }

    /** A duration in ISO-8601 ({@code PT10M}, {@code P14D}) or short form ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 14d}). */
    public Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
        String text = string(name, null);
        Duration value = text == null ? defaultValue : parseDuration(name, text);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidConfigException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public List<String> list(String name) {
        String text = string(name, null);
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The {@code kafka.*} settings without the prefix, ready for a Kafka client's configuration. */
    public Properties kafkaProperties() {
        Properties properties = new Properties();
        values.forEach((name, value) -> {
            if (name.startsWith(KAFKA_PREFIX) && !value.isEmpty()) {
                properties.put(name.substring(KAFKA_PREFIX.length()), value);
            }
        });
        return properties;
    }

    private static Duration parseDuration(String name, String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("_", "");
        try {
            if (t.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new InvalidConfigException(name + " must be a duration such as 10s, 5m, 14d or PT1H, was '" + text + "'");
        }
    }
}
