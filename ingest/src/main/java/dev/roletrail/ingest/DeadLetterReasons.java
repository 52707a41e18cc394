package dev.roletrail.ingest;

import java.util.Locale;

/** Sorts dead-letter reasons into a few stable categories, for metric tags (the reasons themselves vary). */
public final class DeadLetterReasons {

    private DeadLetterReasons() {
    }

    public static String category(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.startsWith("unreadable source")) {
            return "unreadable";
        }
        if (r.contains("decompression bomb")) {
            return "decompression-bomb";
        }
        if (r.contains("gzip")) {
            return "gzip";
        }
        if (r.contains("utf-8")) {
            return "utf8";
        }
        if (r.contains("nesting depth")) {
            return "too-deep";
        }
        if (r.contains("exceeds the limit")) {
            return "too-large";
        }
        if (r.startsWith("absurd")) {
            return "absurd-time";
        }
        if (r.startsWith("missing") || r.startsWith("userIdentity".toLowerCase(Locale.ROOT))) {
            return "missing-field";
        }
        if (r.startsWith("not a cloudtrail") || r.startsWith("not a json object")) {
            return "not-cloudtrail";
        }
        if (r.startsWith("invalid json") || r.startsWith("not json") || r.contains("truncated")
                || r.startsWith("envelope")) {
            return "invalid-json";
        }
        return "other";
    }
}
