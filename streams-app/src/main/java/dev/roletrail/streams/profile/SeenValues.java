package dev.roletrail.streams.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Values a principal was seen with (user-agent families, networks, temporary keys), each with its first and last
 * event time and count, at most {@code cap} of them: the {@code cap} most recently seen, so the list keeps what is
 * current and stays bounded however long the principal lives. Sorted by value, and which values are kept does not
 * depend on the order calls arrive in (a value older than every kept one is not taken in), so a replay after a
 * crash, where held calls may come out in another order, ends with the same list.
 */
public final class SeenValues {

    /** One value and its use. */
    public record Seen(String value, Instant first, Instant last, long count) {

        public Seen {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
        }

        Seen use(Instant at) {
            return new Seen(value, PrincipalProfile.min(first, at), PrincipalProfile.max(last, at), count + 1);
        }
    }

    private static final Comparator<Seen> RECENCY = Comparator.comparing(Seen::last).thenComparing(Seen::value);

    private SeenValues() {
    }

    /** The list with {@code value} seen once more at {@code at}; unchanged when value is null. */
    public static List<Seen> with(List<Seen> seen, String value, Instant at, int cap) {
        if (value == null) {
            return seen;
        }
        List<Seen> next = new ArrayList<>(seen);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).value().equals(value)) {
                next.set(i, next.get(i).use(at));
                return List.copyOf(next);
            }
        }
        Seen added = new Seen(value, at, at, 1);
        if (next.size() >= cap) {
            Seen leastRecent = next.stream().min(RECENCY).orElseThrow();
            if (RECENCY.compare(added, leastRecent) < 0) {
                return seen;
            }
            next.remove(leastRecent);
        }
        next.add(added);
        next.sort(Comparator.comparing(Seen::value));
        return List.copyOf(next);
    }
}
