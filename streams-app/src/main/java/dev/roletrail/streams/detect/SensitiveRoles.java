package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.roletrail.schemas.config.Settings;

/**
 * Which roles are sensitive and which of those are break-glass, read as the {@code sensitive-role-assumed} detector
 * reads them ({@code org.sensitive-roles}, {@code detector.sensitive-role-assumed.break-glass-roles}), so that every
 * detector and finding about sensitive roles judges a role by one rule. A break-glass role is sensitive whatever
 * {@code org.sensitive-roles} says.
 * <p>
 * Three detectors ask about every role assumption, thirteen patterns each by default: about 3 % of the stream
 * threads' samples went to matching them (0.4 % once remembered). An organisation has a few thousand roles, so each
 * role's answer is remembered (at most {@link #REMEMBERED} of them, then forgotten all at once). Shared by every
 * stream thread.
 */
public final class SensitiveRoles {

    static final int REMEMBERED = 20_000;
    private static final byte SENSITIVE = 1;
    private static final byte BREAK_GLASS = 2;

    private final Glob sensitive;
    private final Glob breakGlass;
    private final Map<String, Byte> answers = new ConcurrentHashMap<>();

    /**
     * @param sensitive  patterns over role ARNs
     * @param breakGlass the same, for break-glass roles
     */
    public SensitiveRoles(Glob sensitive, Glob breakGlass) {
        this.sensitive = Objects.requireNonNull(sensitive, "sensitive");
        this.breakGlass = Objects.requireNonNull(breakGlass, "breakGlass");
    }

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
        return (answer(roleArn) & BREAK_GLASS) != 0;
    }

    public boolean sensitive(String roleArn) {
        return (answer(roleArn) & SENSITIVE) != 0;
    }

    private byte answer(String roleArn) {
        if (roleArn == null) {
            return 0;
        }
        Byte known = answers.get(roleArn);
        if (known != null) {
            return known;
        }
        boolean isBreakGlass = breakGlass.matches(roleArn);
        byte answer = (byte) ((isBreakGlass ? BREAK_GLASS : 0) | (isBreakGlass || sensitive.matches(roleArn)
                ? SENSITIVE : 0));
        if (answers.size() >= REMEMBERED) {
            answers.clear();
        }
        answers.put(roleArn, answer);
        return answer;
    }

    /** Equal when the patterns are: settings that hold them compare by what they match. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SensitiveRoles roles && sensitive.equals(roles.sensitive)
                && breakGlass.equals(roles.breakGlass);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sensitive, breakGlass);
    }

    @Override
    public String toString() {
        return "SensitiveRoles[sensitive=" + sensitive + ", breakGlass=" + breakGlass + "]";
    }
}
