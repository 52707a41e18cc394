package dev.roletrail.ingest.source;

import java.io.IOException;

/** A source that cannot be opened, with a message RoleTrail wrote (fit for a dead letter as it is). */
public final class UnreadableSourceException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnreadableSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Why a source could not be read, in RoleTrail's words: the message of a RoleTrail exception, otherwise the kind
     * of failure (a library's message is never copied: it may quote the input).
     */
    public static String describe(Exception e) {
        if (e instanceof UnreadableSourceException) {
            return e.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof IOException) {
            return "reading failed (" + e.getClass().getSimpleName() + ")";
        }
        return "unexpected error (" + e.getClass().getSimpleName() + ")";
    }
}
