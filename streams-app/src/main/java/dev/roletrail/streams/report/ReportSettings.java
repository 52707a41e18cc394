package dev.roletrail.streams.report;

import java.util.Objects;

import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.detect.SensitiveRoles;

/**
 * What the report needs from the configuration: the sensitive and break-glass role patterns, read as the
 * {@code sensitive-role-assumed} detector reads them ({@link SensitiveRoles}), so one role is sensitive by one rule.
 */
public record ReportSettings(SensitiveRoles roles) {

    public ReportSettings {
        Objects.requireNonNull(roles, "roles");
    }

    public static ReportSettings defaults() {
        return new ReportSettings(SensitiveRoles.defaults());
    }

    public static ReportSettings from(Settings settings) {
        return new ReportSettings(SensitiveRoles.from(settings));
    }

    boolean breakGlass(String role) {
        return roles.breakGlass(role);
    }

    boolean sensitive(String role) {
        return roles.sensitive(role);
    }
}
