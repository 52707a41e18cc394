package dev.roletrail.streams.time;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the topology running in this JVM that no more input will come: the launcher of a one-off analysis signals it
 * once every input record was consumed. From then on, nothing waits for later traffic: calls held for a session that
 * cannot arrive any more go on without lineage, each upstream task sends the findings step its stream time at once,
 * and the findings step evaluates through the end of the data. Punctuations check it every wall-clock second.
 * <p>
 * It also carries back whether the work that no record in a topic shows is done: the usage recorder's latest uses
 * not yet sent, the findings step's pass in progress and the signals waiting for it, the suppression step's summaries
 * of repeats due at the end of input. A pass runs on wall-clock
 * punctuations after the records that started it were consumed and committed, so a consumer group without lag can
 * still have findings to write: {@link #settled()} says when it has none, in this JVM.
 * <p>
 * One-way: once signalled, it stays signalled. Memory only, one per {@link StreamsApp}; an app restarted on the same
 * state without the signal waits for later traffic again (or for {@code streams.lineage-idle-release}).
 */
public final class EndOfInput {

    private volatile boolean signalled;
    /** Per processor and task: whether it has work left that no record shows. */
    private final Map<String, Boolean> workLeft = new ConcurrentHashMap<>();

    /** No more input will come. */
    public void signal() {
        signalled = true;
    }

    public boolean signalled() {
        return signalled;
    }

    /** What {@code worker} (a processor of a task) has left to do that no record shows: some (true) or none. */
    public void workLeft(String worker, boolean left) {
        workLeft.put(worker, left);
    }

    /** The worker's task closed here (moved to another instance, or the app stops): it has nothing left here. */
    public void closed(String worker) {
        workLeft.remove(worker);
    }

    /**
     * Whether the input ended and no worker in this JVM has work left that no record shows. With no lag in the
     * consumer group, before and after, the findings reflect the whole input.
     */
    public boolean settled() {
        return signalled && !workLeft.containsValue(true);
    }
}
