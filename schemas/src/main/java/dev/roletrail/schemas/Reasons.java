package dev.roletrail.schemas;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Short, single-line reasons for dead letters, logs and errors. Dead-letter reasons are RoleTrail's own words
 * ({@link #invalidJson}, {@link #badField}): a library's message can quote the input and changes between versions,
 * so it is read to choose the words but never copied.
 */
public final class Reasons {

    private static final int MAX_CHARS = 300;

    private Reasons() {
    }

    /** The first line of the message, at most 300 characters; the exception's class name when it has none. */
    public static String oneLine(Throwable e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return oneLine(message == null ? e.getClass().getSimpleName() : message);
    }

    public static String oneLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS) + "…" : line;
    }

    /**
     * Why the parser refused the input, in RoleTrail's words with where: {@code invalid JSON: unexpected character at
     * line 3, column 17}, {@code not valid UTF-8 at line 1, column 5}, {@code record nesting depth exceeds the
     * parser's limit}.
     */
    public static String invalidJson(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return original.contains("nesting depth") ? "record nesting depth exceeds the parser's limit"
                    : "a number or string exceeds the parser's limit";
        }
        String where = where(e.getLocation());
        if (original.startsWith("Invalid UTF-8")) {
            return "not valid UTF-8" + where;
        }
        String what = what(e, original);
        return "invalid JSON" + (what == null ? "" : ": " + what) + where;
    }

    /**
     * Why binding a record failed: the field (by its path from the record's root, as RoleTrail's schema names it)
     * that has the wrong type or format. {@code prefix} is the path of the value that was bound, empty for the root.
     */
    public static String badField(String prefix, JsonMappingException e) {
        StringBuilder path = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            String name = ref.getFieldName();
            if (name != null) {
                path.append(path.isEmpty() ? "" : ".").append(name.matches("[A-Za-z0-9_]{1,64}") ? name : "?");
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "a value has the wrong type or format" : path + " has the wrong type or format";
    }

    private static String what(JsonProcessingException e, String original) {
        if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            return "the input ends inside a value";
        }
        if (original.startsWith("Unexpected character")) {
            return "unexpected character";
        }
        if (original.startsWith("Unrecognized token")) {
            return "unknown word";
        }
        if (original.startsWith("Non-standard token")) {
            return "not a JSON value (NaN or Infinity)";
        }
        if (original.startsWith("Illegal unquoted character")) {
            return "control character in a string";
        }
        if (original.startsWith("Unrecognized character escape")) {
            return "invalid escape in a string";
        }
        if (original.startsWith("Invalid numeric value") || original.contains("Leading zeroes")
                || original.startsWith("Number value length")) {
            return "invalid number";
        }
        if (original.startsWith("Unexpected close marker")) {
            return "mismatched bracket";
        }
        return null;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + (location.getColumnNr() < 1 ? "" : ", column " + location.getColumnNr());
    }
}
