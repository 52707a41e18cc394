package dev.roletrail.streams.report;

import java.util.List;
import java.util.Map;

import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.Glob;
import dev.roletrail.streams.detect.SensitiveRoleAssumedDetector;

/**
 * What the report needs from the configuration: the sensitive and break-glass role patterns, read as the
 * {@code sensitive-role-assumed} detector reads them ({@code org.sensitive-roles},
 * {@code detector.sensitive-role-assumed.break-glass-roles}), so one role is sensitive by one rule.
 */
public record ReportSettings(List<String> sensitiveRoles, List<String> breakGlassRoles) {

    public ReportSettings {
        sensitiveRoles = List.copyOf(sensitiveRoles);
        breakGlassRoles = List.copyOf(breakGlassRoles);
    }

    public static ReportSettings defaults() {
        return from(Settings.of(Map.of()));
    }

    public static ReportSettings from(Settings settings) {
        DetectorSettings detector = new DetectorSettings(SensitiveRoleAssumedDetector.INFO.id(), settings);
        return new ReportSettings(detector.sensitiveRolePatterns(),
                detector.list("break-glass-roles", SensitiveRoleAssumedDetector.DEFAULT_BREAK_GLASS));
    }

    boolean breakGlass(String role) {
        return Glob.of(breakGlassRoles).matches(role);
    }

    boolean sensitive(String role) {
        return breakGlass(role) || Glob.of(sensitiveRoles).matches(role);
    }
}
