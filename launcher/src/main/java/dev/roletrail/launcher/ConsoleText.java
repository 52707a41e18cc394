package dev.roletrail.launcher;

/**
 * Makes attacker-controlled strings (user agents, session names, ARNs from requests) safe to print on a terminal:
 * control characters, including ANSI escape sequences and newlines that could forge log lines, become visible
 * escapes, and overlong values are cut.
 */
public final class ConsoleText {

    private static final int MAX_CHARS = 200;

    private ConsoleText() {
    }

    public static String safe(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_CHARS) + 8);
        value.codePoints().limit(MAX_CHARS).forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (value.codePointCount(0, value.length()) > MAX_CHARS) {
            out.append('…');
        }
        return out.toString();
    }
}
