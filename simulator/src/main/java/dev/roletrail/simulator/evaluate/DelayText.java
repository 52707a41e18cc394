package dev.roletrail.simulator.evaluate;

import java.util.Locale;

/** A delay for the table: seconds up to two minutes, then minutes up to two hours, then hours. */
final class DelayText {

    private DelayText() {
    }

    static String of(long seconds) {
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7_200) {
            return seconds / 60 + "m";
        }
        return String.format(Locale.ROOT, "%.1fh", seconds / 3600.0);
    }
}
