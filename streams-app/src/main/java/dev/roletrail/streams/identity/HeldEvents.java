package dev.roletrail.streams.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;

/**
 * Events signed with a temporary key whose session has not been seen yet (store {@code held-events}, key: the key
 * id). They wait, up to a hold time of stream time, for the session to arrive through {@code roletrail.sessions};
 * after that they go on without a known origin and the key is marked released so later events do not wait again.
 */
public record HeldEvents(List<CloudTrailRecord> events, Instant releaseAt, boolean released) {

    public HeldEvents {
        Objects.requireNonNull(releaseAt, "releaseAt");
        events = List.copyOf(events);
    }

    /**
     * What the value weighs in memory (store {@code held-events}, written back once a commit): its events, each a
     * whole CloudTrail record, so a configured decoded entry ({@code streams.decoded-cache-entries}) is one event.
     */
    public int weight() {
        return 1 + events.size();
    }

    public static HeldEvents hold(CloudTrailRecord event, Instant releaseAt) {
        return new HeldEvents(List.of(event), releaseAt, false);
    }

    public HeldEvents plus(CloudTrailRecord event) {
        List<CloudTrailRecord> next = new ArrayList<>(events);
        next.add(event);
        return new HeldEvents(next, releaseAt, false);
    }

    /** The events a {@code held-events} store still holds: released markers hold none. */
    public static long count(ReadOnlyKeyValueStore<String, HeldEvents> store) {
        long count = 0;
        try (KeyValueIterator<String, HeldEvents> all = store.all()) {
            while (all.hasNext()) {
                count += all.next().value.events().size();
            }
        }
        return count;
    }

    /** The marker left once the events went on without their session. */
    public HeldEvents markReleased() {
        return new HeldEvents(List.of(), releaseAt, true);
    }
}
