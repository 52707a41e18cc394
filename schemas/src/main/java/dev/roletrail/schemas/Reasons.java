package dev.roletrail.schemas;

/** Short, single-line reasons for dead letters, logs and errors, from messages that may quote whole inputs. */
public final class Reasons {

    private static final int MAX_CHARS = 300;

    private Reasons() {
    }

    /** The first line of the message, at most 300 characters; the exception's class name when it has none. */
    public static String oneLine(Throwable e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                ? jpe.getOriginalMessage() : e.getMessage();
        return oneLine(message == null ? e.getClass().getSimpleName() : message);
    }

    public static String oneLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS) + "…" : line;
    }
}
