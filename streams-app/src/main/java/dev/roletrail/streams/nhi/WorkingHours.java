package dev.roletrail.streams.nhi;

import java.util.Collection;

/**
 * The hours a person works, as their interactive use shows them: the four-hour spans of the day (UTC) from the
 * first to the last in which they signed in or used an interactive client, weekdays and weekends alike, carried on
 * to a 12-hour day when shorter (a sign-in shows where a working day begins, not how long it lasts). Unknown when
 * they never did.
 */
record WorkingHours(int first, int last) {

    /** Three four-hour spans: a working day with its ends. */
    static final int DAY_SPANS = 3;
    private static final WorkingHours UNKNOWN = new WorkingHours(-1, -1);

    static WorkingHours of(Collection<Trait> traits) {
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (Trait trait : traits) {
            if (trait.credential().equals(Trait.PASSWORD)
                    || ClientClass.of(trait.client()) == ClientClass.INTERACTIVE) {
                first = Math.min(first, trait.hours());
                last = Math.max(last, trait.hours());
            }
        }
        if (last < 0) {
            return UNKNOWN;
        }
        int to = Math.max(last, first + DAY_SPANS - 1);
        int from = first;
        if (to >= Trait.SPANS_PER_DAY) {
            from = Math.max(0, from - (to - Trait.SPANS_PER_DAY + 1));
            to = Trait.SPANS_PER_DAY - 1;
        }
        return new WorkingHours(from, to);
    }

    boolean known() {
        return last >= 0;
    }

    boolean covers(Trait trait) {
        return coversHours(trait.hours());
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
