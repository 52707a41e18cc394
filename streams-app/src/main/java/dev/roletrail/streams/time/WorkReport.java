package dev.roletrail.streams.time;

/**
 * One processor's report to the {@link EndOfInput} of whether it has work left that no record shows, sent when it
 * changes (a map write per change, not per record).
 */
public final class WorkReport {

    private final EndOfInput endOfInput;
    private String worker;
    private boolean reported;

    public WorkReport(EndOfInput endOfInput) {
        this.endOfInput = endOfInput;
    }

    /** The processor of a task started, with work left or not. */
    public void start(String name, boolean left) {
        this.worker = name;
        this.reported = left;
        endOfInput.workLeft(worker, left);
    }

    public void report(boolean left) {
        if (left != reported) {
            reported = left;
            endOfInput.workLeft(worker, left);
        }
    }

    /** The task closed here. */
    public void close() {
        if (worker != null) {
            endOfInput.closed(worker);
        }
    }
}
