package dev.roletrail.streams.identity;

import java.time.Instant;
import java.util.Objects;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A temporary key whose session has not been seen yet (store {@code held-events}, key: the key id): how many of its
 * events wait, in {@link HeldRows}, up to a hold time of stream time, for the session to arrive through
 * {@code roletrail.sessions}; after that they go on without a known origin and the key is marked released so later
 * events do not wait again.
 *
 * @param count     the events held, numbered 0 to count − 1 in {@link HeldRows}; none once released
 * @param releaseAt when the hold ends in stream time
 * @param released  whether the key's events went on without their session
 */
public record HeldEvents(int count, Instant releaseAt, boolean released) {

    public HeldEvents {
        Objects.requireNonNull(releaseAt, "releaseAt");
    }

    /** The first event of a key begins its hold. */
    public static HeldEvents hold(Instant releaseAt) {
        return new HeldEvents(1, releaseAt, false);
    }

    /** One more event held: it is number {@link #count()} of this (the previous) value. */
    public HeldEvents plusOne() {
        return new HeldEvents(count + 1, releaseAt, false);
    }

    /** The events a {@code held-events} store still holds: released markers hold none. */
    public static long count(ReadOnlyKeyValueStore<String, HeldEvents> store) {
        long count = 0;
        try (KeyValueIterator<String, HeldEvents> all = store.all()) {
            while (all.hasNext()) {
                count += all.next().value.count();
            }
        }
        return count;
    }

    /** The marker left once the events went on without their session. */
    public HeldEvents markReleased() {
        return new HeldEvents(0, releaseAt, true);
    }
}
