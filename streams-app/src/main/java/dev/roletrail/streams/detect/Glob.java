package dev.roletrail.streams.detect;

import java.util.List;

/**
 * Patterns with {@code *} (any run of characters) and {@code ?} (one character), matched against whole values.
 * Matched directly rather than through regular expressions: the sensitive-role and break-glass patterns are tried on
 * every assumption, and {@code .*}-led regexes backtracked for a measurable share of the stream threads' CPU.
 */
public final class Glob {

    private final List<String> patterns;

    private Glob(List<String> patterns) {
        this.patterns = patterns;
    }

    public static Glob of(List<String> globs) {
        return new Glob(List.copyOf(globs));
    }

    public boolean matches(String value) {
        if (value == null) {
            return false;
        }
        for (String pattern : patterns) {
            if (matches(pattern, value)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Globs of the same patterns are equal: settings that hold them compare by what they match. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && patterns.equals(glob.patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return patterns.toString();
    }

    /**
     * The linear wildcard match: on a mismatch, the last {@code *} seen takes one more character and matching resumes
     * after it. Never worse than pattern length times value length.
     */
    static boolean matches(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resumeAt = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resumeAt = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
