package dev.roletrail.simulator.org;

/** How an IAM user's long-term key behaves over the simulated weeks. */
public enum Habit {
    /** Works on weekdays from the office or home network. */
    DAILY,
    /** Used only in sparse old history, then idle for months: a dormant key. */
    DORMANT,
    /** Never acts in the period at all (a leaver whose user and console password remain). */
    INACTIVE,
    /** A workload with a long-term key that calls around the clock. */
    SERVICE,
    /**
     * A person's key shared with a cron job: office-hours interactive use from the office, and the same key in a
     * nightly job on a cloud server with an SDK, weekends included.
     */
    SHARED
}
