package dev.roletrail.streams.detect;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Numbers and spans as alert texts show them: {@code 10 min}, {@code 90 days}, {@code 4.2}. */
public final class Texts {

    private Texts() {
    }

    public static String duration(Duration d) {
        if (d.toDays() >= 2 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + " days";
        }
        if (d.toHours() >= 2 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + " h";
        }
        if (d.toMinutes() >= 1 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }

    /** Whole days, rounded down: "idle for 120 days". */
    public static String days(Duration d) {
        long days = d.toDays();
        return days == 1 ? "1 day" : days + " days";
    }

    /** {@code 1 call}, {@code 2 calls}. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The first {@code max} items, and how many more there are. */
    public static String list(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
