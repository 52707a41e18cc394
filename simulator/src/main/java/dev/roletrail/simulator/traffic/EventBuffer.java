package dev.roletrail.simulator.traffic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A day's events on their way to the log objects, handed on in batches of about {@code limit} events, so that a day of
 * a large organisation is never in memory whole. Generators add to {@link #events()} and call {@link #flushIfFull()}
 * between actors (never inside one actor's work, so a session and its calls stay together); a day smaller than the
 * limit stays one batch, written with the day's attacks.
 */
public final class EventBuffer {

    /** Where batches go: benign events (which may be delivered late or twice) and attack events. */
    public interface Batches {
        void write(List<ObjectNode> benign, List<ObjectNode> attacks) throws IOException;
    }

    private final int limit;
    private final Batches batches;
    private List<ObjectNode> events = new ArrayList<>();

    public EventBuffer(int limit, Batches batches) {
        if (limit < 1) {
            throw new IllegalArgumentException("a batch holds at least one event, was " + limit);
        }
        this.limit = limit;
        this.batches = Objects.requireNonNull(batches, "batches");
    }

    /** The benign events of the batch being filled. */
    public List<ObjectNode> events() {
        return events;
    }

    public void flushIfFull() throws IOException {
        if (events.size() >= limit) {
            flush(List.of());
        }
    }

    /** Writes what is buffered together with these attack events (possibly none) and starts a new batch. */
    public void flush(List<ObjectNode> attacks) throws IOException {
        if (events.isEmpty() && attacks.isEmpty()) {
            return;
        }
        List<ObjectNode> batch = events;
        events = new ArrayList<>();
        batches.write(batch, attacks);
    }
}
