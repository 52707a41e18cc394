package dev.roletrail.streams.detect;

import java.time.Duration;
import java.util.List;

import dev.roletrail.schemas.config.Settings;

/**
 * One detector's settings, named {@code detector.<id>.<name>} (e.g. {@code detector.dormant-credential-reactivated.dormancy}).
 * The learning period has one default for all detectors, {@code detector.learning-period}, which a detector may override.
 */
public record DetectorSettings(String detectorId, Settings settings) {

    public String name(String setting) {
        return "detector." + detectorId + "." + setting;
    }

    public boolean enabled() {
        return settings.bool(name("enabled"), true);
    }

    public Duration duration(String setting, Duration defaultValue, Duration min, Duration max) {
        return settings.duration(name(setting), defaultValue, min, max);
    }

    public boolean bool(String setting, boolean defaultValue) {
        return settings.bool(name(setting), defaultValue);
    }

    public int integer(String setting, int defaultValue, int min, int max) {
        return settings.integer(name(setting), defaultValue, min, max);
    }

    public double decimal(String setting, double defaultValue, double min, double max) {
        return settings.decimal(name(setting), defaultValue, min, max);
    }

    public List<String> list(String setting, List<String> defaultValue) {
        return settings.list(name(setting), defaultValue);
    }

    /** The detector's own learning period, else the shared {@code detector.learning-period} (default 14 days). */
    public Duration learningPeriod() {
        Duration shared = settings.duration("detector.learning-period", Duration.ofDays(14), Duration.ZERO,
                Duration.ofDays(365));
        return duration("learning-period", shared, Duration.ZERO, Duration.ofDays(365));
    }

    /** Role ARN patterns ({@code *} wildcards) of sensitive and break-glass roles. */
    public List<String> sensitiveRolePatterns() {
        return settings.list("org.sensitive-roles", List.of("*:role/*Admin*", "*:role/*admin*", "*:role/*BreakGlass*",
                "*:role/*break-glass*", "*:role/OrganizationAccountAccessRole"));
    }
}
