package dev.roletrail.streams.identity;

import java.util.Locale;

/**
 * The family of a user agent: the tool, without versions or platform ("aws-cli", "boto3", "console", "terraform"),
 * so an upgrade is not a new client but a different tool is.
 */
public final class UserAgents {

    private static final int MAX_CHARS = 64;

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
}
