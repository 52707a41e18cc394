package dev.roletrail.streams.time;

/**
 * Tells the topology running in this JVM that no more input will come: the launcher of a one-off analysis signals it
 * once every input record was consumed. From then on, nothing waits for later traffic: calls held for a session that
 * cannot arrive any more go on without lineage, each upstream task sends the findings step its stream time at once,
 * and the findings step evaluates through the end of the data. Punctuations check it every wall-clock second.
 * <p>
 * One-way: once signalled, it stays signalled. Memory only, one per {@link StreamsApp}; an app restarted on the same
 * state without the signal waits for later traffic again (or for {@code streams.lineage-idle-release}).
 */
public final class EndOfInput {

    private volatile boolean signalled;

    /** No more input will come. */
    public void signal() {
        signalled = true;
    }

    public boolean signalled() {
        return signalled;
    }
}
