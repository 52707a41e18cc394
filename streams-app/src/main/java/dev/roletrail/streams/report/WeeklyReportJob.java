package dev.roletrail.streams.report;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes last week's reports once the week is over. On the wall clock, not stream time: a report is for people
 * on a calendar, and stream time stands still when no CloudTrail arrives. It checks every interval rather than
 * sleeping until Monday, so a restart, a late start or a failed attempt catches up by itself; {@code due} says
 * whether the week still lacks its reports and this instance is the one to write them, so several instances write
 * them once.
 */
public final class WeeklyReportJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyReportJob.class);

    private final Clock clock;
    private final Predicate<IsoWeek> due;
    private final Function<IsoWeek, List<WeeklyReport>> build;
    private final Consumer<List<WeeklyReport>> publish;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "roletrail-weekly-report");
        thread.setDaemon(true);
        return thread;
    });

    public WeeklyReportJob(Clock clock, Predicate<IsoWeek> due, Function<IsoWeek, List<WeeklyReport>> build,
            Consumer<List<WeeklyReport>> publish) {
        this.clock = clock;
        this.due = due;
        this.build = build;
        this.publish = publish;
    }

    public void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Publishes the reports of the last complete week if they are due; true when it did. */
    public boolean runOnce() {
        IsoWeek week = IsoWeek.of(clock.instant()).previous();
        if (!due.test(week)) {
            return false;
        }
        List<WeeklyReport> reports = build.apply(week);
        publish.accept(reports);
        LOG.info("published {} weekly reports of {}", reports.size(), week);
        return true;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The next run tries again: a rebalance or an unreachable instance is usually over by then.
            LOG.warn("weekly report not published yet: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
