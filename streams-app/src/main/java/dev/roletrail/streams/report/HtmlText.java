package dev.roletrail.streams.report;

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
        return escape(text).replace(":", ":<wbr>").replace("/", "/<wbr>");
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
