package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Map;

import dev.roletrail.schemas.config.Settings;

/**
 * Which roles are sensitive and which of those are break-glass, read as the {@code sensitive-role-assumed} detector
 * reads them ({@code org.sensitive-roles}, {@code detector.sensitive-role-assumed.break-glass-roles}), so that every
 * detector and finding about sensitive roles judges a role by one rule. A break-glass role is sensitive whatever
 * {@code org.sensitive-roles} says.
 *
 * @param sensitive  patterns over role ARNs
 * @param breakGlass the same, for break-glass roles
 */
public record SensitiveRoles(Glob sensitive, Glob breakGlass) {

    public SensitiveRoles(List<String> sensitive, List<String> breakGlass) {
        this(Glob.of(sensitive), Glob.of(breakGlass));
    }

    public static SensitiveRoles defaults() {
        return from(Settings.of(Map.of()));
    }

    public static SensitiveRoles from(Settings settings) {
        return from(new DetectorSettings(SensitiveRoleAssumedDetector.INFO.id(), settings));
    }

    /** @param detector the settings of {@code sensitive-role-assumed}, where the patterns are read */
    static SensitiveRoles from(DetectorSettings detector) {
        return new SensitiveRoles(detector.sensitiveRolePatterns(),
                detector.list("break-glass-roles", SensitiveRoleAssumedDetector.DEFAULT_BREAK_GLASS));
    }

    public boolean breakGlass(String roleArn) {
        return breakGlass.matches(roleArn);
    }

    public boolean sensitive(String roleArn) {
        return breakGlass(roleArn) || sensitive.matches(roleArn);
    }
}
