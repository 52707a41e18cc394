package dev.roletrail.streams.report;

/**
 * Text into Markdown table cells and prose: every character Markdown or its HTML pass-through could read as syntax
 * is backslash-escaped or turned into an entity, and line breaks become spaces (a newline would end a table row).
 * So a hostile session name cannot open a link, an image, a table column or raw HTML.
 */
public final class MarkdownText {

    private static final String SPECIAL = "\\`*_{}[]()#+-.!|~:";

    private MarkdownText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '&') {
                out.append("&amp;");
            } else if (c == '\r' || c == '\n' || c == '\t') {
                out.append(' ');
            } else if (c < 0x20) {
                continue;
            } else if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A fenced code block that no backtick run inside {@code code} can close early. */
    public static String fenced(String language, String code) {
        String body = code == null ? "" : code;
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + language + "\n" + body + "\n" + fence + "\n";
    }
}
