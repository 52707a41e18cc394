package dev.roletrail.streams.report;

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: text that starts with {@code = + - @}, a tab or a carriage
 * return would be read as a formula (CSV injection), so it gets a leading apostrophe, which spreadsheets show as
 * text. Numbers are written by {@link #number(long)} and never prefixed.
 */
public final class CsvCell {

    private CsvCell() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    public static String number(long value) {
        return Long.toString(value);
    }
}
