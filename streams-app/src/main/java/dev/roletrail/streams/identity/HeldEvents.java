package dev.roletrail.streams.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    public static HeldEvents hold(CloudTrailRecord event, Instant releaseAt) {
        return new HeldEvents(List.of(event), releaseAt, false);
    }

    public HeldEvents plus(CloudTrailRecord event) {
        List<CloudTrailRecord> next = new ArrayList<>(events);
        next.add(event);
        return new HeldEvents(next, releaseAt, false);
    }

    /** The marker left once the events went on without their session. */
    public HeldEvents markReleased() {
        return new HeldEvents(List.of(), releaseAt, true);
    }
}
