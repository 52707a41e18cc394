package dev.roletrail.streams.report;

import java.util.regex.Pattern;

/**
 * Text into inline Markdown (GitHub flavour): table cells, heading text, the rest of a line, never its start (where
 * {@code #}, {@code -} or {@code 1.} would open a block). Escaped only where Markdown would read it:
 * <ul>
 *   <li>{@link #escape(String)}: {@code \ ` * _ ~ [ ] |} get a backslash, {@code < > &} become entities (no raw
 *       HTML), {@code ://} and {@code www.} are broken so GitHub makes no autolink, and line breaks become spaces (a newline would end a table row). Dates,
 *       dashes, colons and dots stay as they are.</li>
 *   <li>{@link #identifier(String)}: an ARN or key id in a code span, where nothing but a backtick run and a pipe
 *       (which ends a table cell even there) need care; any other value is escaped text.</li>
 * </ul>
 * So a hostile session name cannot open a link, an image, a table column or raw HTML.
 */
public final class MarkdownText {

    private static final String BACKSLASHED = "\\`*_~[]|";
    /** What an ARN, a key id or an IAM name is made of: nothing Markdown reads inside a code span. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9:/_+=,.@#*?${}-]+");

    private MarkdownText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String flat = flat(text);
        StringBuilder out = new StringBuilder(flat.length() + 16);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '&') {
                out.append("&amp;");
            } else if (BACKSLASHED.indexOf(c) >= 0 || c == ':' && flat.startsWith("//", i + 1)
                    || c == '.' && i >= 3 && flat.regionMatches(true, i - 3, "www", 0, 3)) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** An ARN or key id as a code span; a value that is no plain id (a hostile one) as escaped text. */
    public static String identifier(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return PLAIN_ID.matcher(text).matches() ? code(text) : escape(text);
    }

    /**
     * A code span no backtick run inside can close: its fence is one backtick longer than the longest run, with
     * spaces inside when the text starts or ends with one. Pipes are escaped (GitHub ends a table cell at a pipe
     * even in a code span, and reads {@code \|} there as a pipe) and line breaks become spaces.
     */
    public static String code(String text) {
        String body = flat(text == null ? "" : text).replace("|", "\\|");
        String fence = "`".repeat(longestBacktickRun(body) + 1);
        String pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
        return fence + pad + body + pad + fence;
    }

    /** A fenced code block that no backtick run inside {@code code} can close early. */
    public static String fenced(String language, String code) {
        String body = code == null ? "" : code;
        String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
        return fence + language + "\n" + body + "\n" + fence + "\n";
    }

    private static String flat(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t') {
                out.append(' ');
            } else if (c >= 0x20) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
