package dev.roletrail.streams.detect;

import java.util.List;
import java.util.regex.Pattern;

/** Patterns with {@code *} (any run of characters) and {@code ?} (one character), matched against whole values. */
public final class Glob {

    private final List<Pattern> patterns;

    private Glob(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    public static Glob of(List<String> globs) {
        return new Glob(globs.stream().map(Glob::compile).toList());
    }

    public boolean matches(String value) {
        if (value == null) {
            return false;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
