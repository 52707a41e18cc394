package dev.roletrail.streams.unused;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the changes the global {@code inventory} store has taken since this application instance started, so a
 * findings task can tell whether the inventory it evaluated against is still the same ({@link UnchangedEntities}).
 * Written by the global thread, read by stream threads. Memory only: after a start every task evaluates everything
 * once anyway.
 */
public final class InventoryChanges {

    private final AtomicLong changes = new AtomicLong();

    void changed() {
        changes.incrementAndGet();
    }

    /** How many changes so far: equal counts mean an unchanged inventory. */
    long count() {
        return changes.get();
    }
}
