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
import java.util.function.Consumer;

/**
 * Flat string settings with dotted lower-case names ({@code s3.bucket}, {@code kafka.bootstrap.servers}), read into
 * typed values with one-line errors that name the setting. Settings named {@code kafka.*} are passed to the Kafka
 * clients without the prefix.
 */
public final class Settings {

    public static final String KAFKA_PREFIX = "kafka.";

    /**
     * A setting a component asked for, with the default it gave (typed: {@code Duration}, {@code Long}, {@code Boolean},
     * {@code Double}, {@code String} or {@code List<String>}; null when it has none).
     */
    public record Read(String name, Object defaultValue) {
    }

    private final Map<String, String> values;
    private final Consumer<Read> reads;

    private Settings(Map<String, String> values, Consumer<Read> reads) {
        this.values = Map.copyOf(values);
        this.reads = reads;
    }

    public static Settings of(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k.trim(), v.trim());
            }
        });
        return new Settings(copy, read -> { });
    }

    /**
     * Settings from environment variables: {@code ROLETRAIL_INGEST_S3_BUCKET} becomes {@code ingest.s3.bucket} and
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

    /**
     * The same values, telling {@code reads} of every setting asked for and its default: how the settings the
     * components know are listed (the README's configuration table is checked against them).
     */
    public Settings reportingReadsTo(Consumer<Read> reads) {
        Objects.requireNonNull(reads, "reads");
        return new Settings(values, reads);
    }

    private String raw(String name, Object defaultValue) {
        reads.accept(new Read(name, defaultValue));
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public String string(String name, String defaultValue) {
        String value = raw(name, defaultValue);
        return value == null ? defaultValue : value;
    }

    public String required(String name) {
        String value = raw(name, null);
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
        String text = raw(name, defaultValue);
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
        String text = raw(name, defaultValue);
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
        String text = raw(name, defaultValue);
        Duration value = text == null ? defaultValue : parseDuration(name, text);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidConfigException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** A comma-separated list; empty when not set. */
    public List<String> list(String name) {
        return list(name, List.of());
    }

    /** A comma-separated list, or {@code defaultValue} when not set or empty. */
    public List<String> list(String name, List<String> defaultValue) {
        String text = raw(name, defaultValue);
        List<String> value = text == null ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return value.isEmpty() ? defaultValue : value;
    }

    public double decimal(String name, double defaultValue, double min, double max) {
        String text = raw(name, defaultValue);
        double value;
        try {
            value = text == null ? defaultValue : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(name + " must be a number, was '" + text + "'");
        }
        if (!(value >= min && value <= max)) {
            throw new InvalidConfigException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
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
