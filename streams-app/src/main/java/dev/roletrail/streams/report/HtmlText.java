package dev.roletrail.streams.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Text into HTML and SVG (XML), for element content and quoted attribute values alike. Control characters other
 * than tab and newline are dropped: XML forbids them and they serve no reader.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * An ARN (or any identifier) escaped, with a line-break opportunity ({@code <wbr>}) after each {@code :} and
     * {@code /}: a narrow column wraps it between its parts, never inside a name.
     */
    public static String arn(String text) {
        // Line breaks after ':' and '/' (and at spaces), never at a '-': a browser breaks after every '-' of a role
        // name, so each word holding one is kept whole (class "seg", no wrapping).
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        String escaped = escape(text);
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == ':' || c == '/' || c == ' ') {
                out.append(whole(word)).append(c).append(c == ' ' ? "" : "<wbr>");
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        return out.append(whole(word)).toString();
    }

    /** Text that breaks only at its spaces: a date or time ({@code 2026-09-21 12:05Z}) is never cut at '-' or ':'. */
    public static String words(String text) {
        return Arrays.stream(escape(text).split(" ", -1)).map(HtmlText::whole).collect(Collectors.joining(" "));
    }

    /** A word a browser would break at a '-' or ':' is kept whole (an ARN's parts hold no ':'). */
    private static String whole(CharSequence word) {
        String text = word.toString();
        return text.indexOf('-') < 0 && text.indexOf(':') < 0 ? text : "<span class=\"seg\">" + text + "</span>";
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
