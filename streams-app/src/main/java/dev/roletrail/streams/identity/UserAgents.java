package dev.roletrail.streams.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The family of a user agent: the tool, without versions or platform ("aws-cli", "boto3", "console", "terraform"),
 * so an upgrade is not a new client but a different tool is.
 */
public final class UserAgents {

    private static final int MAX_CHARS = 64;
    /**
     * Penetration-testing distributions whose name the AWS CLI and SDKs put in the user agent (the platform, e.g.
     * {@code Linux/6.6.9-kali}): GuardDuty's {@code PenTest:IAMUser/KaliLinux}, {@code ParrotLinux} and
     * {@code PentooLinux} findings, and the reason Pacu rewrites its user agent on them.
     */
    private static final List<String> ATTACK_PLATFORMS = List.of("kali", "parrot", "pentoo");

    private UserAgents() {
    }

    public static String family(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        String ua = userAgent.strip();
        String lower = ua.toLowerCase(Locale.ROOT);
        if (lower.contains("console.amazonaws.com") || lower.startsWith("signin.amazonaws.com")) {
            return "console";
        }
        if (lower.endsWith(".amazonaws.com") || lower.equals("aws internal")) {
            return lower;
        }
        if (lower.startsWith("[")) {
            ua = ua.substring(1);
            lower = lower.substring(1);
        }
        int end = 0;
        while (end < ua.length() && end < MAX_CHARS) {
            char c = ua.charAt(end);
            if (c == '/' || c == ' ' || c == '(' || c == ']' || c == ',' || c == ';') {
                break;
            }
            end++;
        }
        String family = lower.substring(0, end);
        return family.isEmpty() ? "unknown" : family;
    }

    /** The penetration-testing distribution the user agent names ({@code kali}, {@code parrot}, {@code pentoo}). */
    public static Optional<String> attackPlatform(String userAgent) {
        if (userAgent == null) {
            return Optional.empty();
        }
        String lower = userAgent.toLowerCase(Locale.ROOT);
        return ATTACK_PLATFORMS.stream().filter(lower::contains).findFirst();
    }
}
