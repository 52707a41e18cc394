package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Bounded maps of item → latest use, as the findings state keeps them: past the cap the least recent item goes. */
final class RecentItems {

    private RecentItems() {
    }

    /** What {@link #copy} and {@link #with} return: nothing else in this package makes one of these. */
    private static final Class<?> OURS = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();

    /**
     * An immutable sorted copy; a map this class made already is one, and is returned as it is (copying a busy
     * role's thousand actions on every use was most of the findings step's own CPU).
     */
    @SuppressWarnings("unchecked")
    static SortedMap<String, Instant> copy(Map<String, Instant> items) {
        if (items == null) {
            return Collections.emptySortedMap();
        }
        if (items.getClass() == OURS) {
            return (SortedMap<String, Instant>) items;
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(items));
    }

    /** The items with {@code item} used at {@code at}; unchanged (the same instance) when that adds nothing. */
    static Map<String, Instant> with(Map<String, Instant> items, String item, Instant at, int cap) {
        if (item == null) {
            return items;
        }
        Instant before = items.get(item);
        if (before != null && !at.isAfter(before)) {
            return items;
        }
        TreeMap<String, Instant> next = new TreeMap<>(items);
        next.put(item, at);
        while (next.size() > cap) {
            next.remove(next.entrySet().stream()
                    .min(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey());
        }
        return Collections.unmodifiableSortedMap(next);
    }

    /** The items used at or after {@code since}, sorted. */
    static SortedSet<String> since(Map<String, Instant> items, Instant since) {
        TreeSet<String> recent = new TreeSet<>();
        items.forEach((item, at) -> {
            if (!at.isBefore(since)) {
                recent.add(item);
            }
        });
        return recent;
    }

    static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
