package dev.roletrail.streams.nhi;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hours and places a person works, as their interactive use shows them: the four-hour spans of the day (UTC)
 * from the first to the last in which they signed in or used an interactive client, widened to a 12-hour day (a
 * sign-in shows where a day begins, not how long it lasts), weekdays and weekends alike; and the networks of that
 * use. Unknown when they never did.
 */
record WorkingHours(int first, int last, Set<String> networks) {

    /** Three four-hour spans: a working day with its ends. */
    static final int DAY_SPANS = 3;
    private static final WorkingHours UNKNOWN = new WorkingHours(-1, -1, Set.of());

    WorkingHours {
        networks = Set.copyOf(networks);
    }

    static WorkingHours of(Collection<Trait> traits) {
        int first = Integer.MAX_VALUE;
        int last = -1;
        Set<String> networks = new TreeSet<>();
        for (Trait trait : traits) {
            if (trait.credential().equals(Trait.PASSWORD)
                    || ClientClass.of(trait.client()) == ClientClass.INTERACTIVE) {
                first = Math.min(first, trait.hours());
                last = Math.max(last, trait.hours());
                networks.add(trait.network());
            }
        }
        if (last < 0) {
            return UNKNOWN;
        }
        int widen = Math.max(0, DAY_SPANS - (last - first + 1));
        int from = Math.max(0, first - widen / 2 - widen % 2);
        int to = Math.min(Trait.SPANS_PER_DAY - 1, Math.max(last + widen / 2, from + DAY_SPANS - 1));
        return new WorkingHours(from, to, networks);
    }

    boolean known() {
        return last >= 0;
    }

    /** Whether the trait falls within these hours (and, when asked, comes from one of these networks). */
    boolean covers(Trait trait, boolean sameNetwork) {
        return coversHours(trait.hours()) && (!sameNetwork || networks.contains(trait.network()));
    }

    /** @param hours a four-hour span of the day, 0–5 */
    boolean coversHours(int hours) {
        return known() && hours >= first && hours <= last;
    }

    @Override
    public String toString() {
        return known() ? String.format("%02d:00–%02d:00 UTC", first * 4, (last + 1) * 4) : "not known";
    }
}
