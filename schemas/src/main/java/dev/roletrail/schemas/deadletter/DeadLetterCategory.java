package dev.roletrail.schemas.deadletter;

import java.util.Locale;

/**
 * The few kinds of dead letter, in RoleTrail's own short words (for the console) and as stable metric tags. Every
 * reason RoleTrail writes falls in one; {@link #of(String)} sorts a reason back into its category.
 */
public enum DeadLetterCategory {
    UNREADABLE("unreadable source", "unreadable"),
    DECOMPRESSION_BOMB("decompression bomb", "decompression-bomb"),
    TRUNCATED_GZIP("truncated gzip", "gzip"),
    CORRUPT_GZIP("corrupt gzip", "gzip"),
    NOT_UTF8("not UTF-8", "utf8"),
    TOO_DEEP("nested too deeply", "too-deep"),
    TOO_LARGE("too large", "too-large"),
    ABSURD_TIME("absurd eventTime", "absurd-time"),
    MISSING_FIELD("missing field", "missing-field"),
    NOT_CLOUDTRAIL("not CloudTrail JSON", "not-cloudtrail"),
    BROKEN_EXPORT("broken export wrapper", "export"),
    INVALID_JSON("invalid JSON", "invalid-json"),
    OTHER("other", "other");

    private final String words;
    private final String tag;

    DeadLetterCategory(String words, String tag) {
        this.words = words;
        this.tag = tag;
    }

    /** A few words for people: {@code not CloudTrail JSON}. */
    public String words() {
        return words;
    }

    /** The metric tag: {@code not-cloudtrail}. */
    public String tag() {
        return tag;
    }

    /** The category of a reason RoleTrail wrote; {@link #OTHER} for anything else. */
    public static DeadLetterCategory of(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.startsWith("export ")) {
            // An export's wrapper whose record is broken, whatever is broken about it.
            return BROKEN_EXPORT;
        }
        if (r.startsWith("unreadable source")) {
            return UNREADABLE;
        }
        if (r.contains("decompression bomb")) {
            return DECOMPRESSION_BOMB;
        }
        if (r.contains("gzip")) {
            return r.contains("ends early") ? TRUNCATED_GZIP : CORRUPT_GZIP;
        }
        if (r.contains("utf-8")) {
            return NOT_UTF8;
        }
        if (r.contains("nesting depth")) {
            return TOO_DEEP;
        }
        if (r.contains("exceeds the limit") || r.contains("exceeds the parser's limit")) {
            return TOO_LARGE;
        }
        if (r.startsWith("absurd")) {
            return ABSURD_TIME;
        }
        if (r.startsWith("missing") || r.startsWith("useridentity is not")) {
            return MISSING_FIELD;
        }
        if (r.startsWith("not a cloudtrail") || r.startsWith("not a json object") || r.startsWith("not json")
                || r.equals("empty record")) {
            return NOT_CLOUDTRAIL;
        }
        if (r.startsWith("invalid json") || r.contains("truncated") || r.startsWith("input ended")
                || r.startsWith("envelope")) {
            return INVALID_JSON;
        }
        return OTHER;
    }
}
