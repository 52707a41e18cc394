package dev.roletrail.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.roletrail.ingest.IngestListener;
import dev.roletrail.ingest.progress.Checkpoints;
import dev.roletrail.ingest.source.ObjectSource;
import dev.roletrail.ingest.source.SourceObject;

/**
 * Shows backfill progress on a terminal, rewriting one line every second. The totals come from a second listing of
 * the same selection, counted in the background (listing is cheap next to reading), so the line first says "≥" and
 * then the exact number of objects; records are estimated from bytes.
 */
final class ProgressReporter implements IngestListener, AutoCloseable {

    private final PrintStream out;
    private final long started = System.nanoTime();
    private final AtomicLong objectsDone = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong bytesReadThisRun = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong objectsTotal = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong();
    private final AtomicBoolean counting = new AtomicBoolean(true);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "roletrail-progress");
        thread.setDaemon(true);
        return thread;
    });

    ProgressReporter(PrintStream out) {
        this.out = out;
    }

    /** Counts the selection in the background and starts redrawing the line. */
    ProgressReporter start(ObjectSource totals, Duration relistWindow) {
        Thread counter = new Thread(() -> count(totals, relistWindow), "roletrail-progress-count");
        counter.setDaemon(true);
        counter.start();
        ticker.scheduleAtFixedRate(this::draw, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private void count(ObjectSource source, Duration relistWindow) {
        try {
            Iterator<SourceObject> all = source.list(Checkpoints.empty(relistWindow));
            while (all.hasNext()) {
                SourceObject object = all.next();
                objectsTotal.incrementAndGet();
                bytesTotal.addAndGet(Math.max(0, object.size()));
            }
            counting.set(false);
        } catch (Exception e) {
            // Progress is a nicety: without totals the line shows what was done and no ETA.
            objectsTotal.set(-1);
            bytesTotal.set(-1);
        }
    }

    @Override
    public void objectSkipped(long compressedBytes) {
        objectsDone.incrementAndGet();
        bytesDone.addAndGet(Math.max(0, compressedBytes));
    }

    @Override
    public void committed(Committed committed) {
        objectsDone.addAndGet(committed.objects());
        bytesDone.addAndGet(committed.compressedBytes());
        bytesReadThisRun.addAndGet(committed.compressedBytes());
        records.addAndGet(committed.records());
        deadLetters.addAndGet(committed.deadLetters());
    }

    private void draw() {
        out.print("\r" + ProgressLine.format(snapshot()) + "\u001b[K");
        out.flush();
    }

    ProgressLine.Snapshot snapshot() {
        return new ProgressLine.Snapshot(objectsDone.get(), objectsTotal.get(), bytesDone.get(), bytesTotal.get(),
                records.get(), deadLetters.get(), Duration.ofNanos(System.nanoTime() - started),
                bytesReadThisRun.get(), records.get(), counting.get());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        draw();
        out.println();
    }
}
