package dev.roletrail.streams.time;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one {@link DueIndex} that fall due within one bucket of time, each with its due time (epoch millis).
 * One row per bucket instead of one per key: a session, a held event or an alert window costs no index row of its own,
 * and a row written many times between two commits reaches the changelog once.
 * <p>
 * The one mutable state value: an index appends to the bucket it read and puts it back, so an append costs no copy of
 * the bucket. Only {@link DueIndex} holds one, on the task's stream thread, and never across calls.
 */
public final class DueBucket {

    private final LinkedHashMap<String, Long> dues;

    DueBucket() {
        this(new LinkedHashMap<>());
    }

    DueBucket(LinkedHashMap<String, Long> dues) {
        this.dues = dues;
    }

    /** Notes that {@code key} falls due at {@code dueMillis}; a key noted twice keeps its earlier time. */
    void add(String key, long dueMillis) {
        dues.merge(key, dueMillis, Math::min);
    }

    /** Removes the keys due at or before {@code nowMillis} and adds them to {@code taken}, earliest first. */
    void takeDue(long nowMillis, List<String> taken) {
        List<Map.Entry<String, Long>> due = new ArrayList<>();
        for (Iterator<Map.Entry<String, Long>> entries = dues.entrySet().iterator(); entries.hasNext();) {
            Map.Entry<String, Long> entry = entries.next();
            if (entry.getValue() <= nowMillis) {
                due.add(Map.entry(entry.getKey(), entry.getValue()));
                entries.remove();
            }
        }
        due.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        due.forEach(entry -> taken.add(entry.getKey()));
    }

    /** Moves the keys due at or before {@code nowMillis} to {@code due}; whether there were any. */
    boolean takeDue(long nowMillis, DueBucket due) {
        boolean any = false;
        for (Iterator<Map.Entry<String, Long>> entries = dues.entrySet().iterator(); entries.hasNext();) {
            Map.Entry<String, Long> entry = entries.next();
            if (entry.getValue() <= nowMillis) {
                due.add(entry.getKey(), entry.getValue());
                entries.remove();
                any = true;
            }
        }
        return any;
    }

    int size() {
        return dues.size();
    }

    /** In the order the keys were first noted, for the serde. */
    Map<String, Long> dues() {
        return dues;
    }
}
