package dev.roletrail.ingest;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

import dev.roletrail.ingest.RecordRouter.Routed;
import dev.roletrail.ingest.read.ReadLimits;
import dev.roletrail.ingest.read.RecordItem;
import dev.roletrail.ingest.read.RecordReader;
import dev.roletrail.ingest.source.SourceObject;
import dev.roletrail.ingest.source.UnreadableSourceException;

/**
 * Reads the objects ahead of the one being produced, on worker threads: each worker fetches one object and streams
 * its records (gunzip, parse, check, route) into a small bounded queue, which the ingesting thread drains in listing
 * order. So S3 latency overlaps (most CloudTrail objects are tiny: their cost is the request), parsing uses every core,
 * and memory stays bounded by window × queue capacity however large an object is: a worker whose queue is full waits.
 */
final class ReadAhead implements Iterator<ReadAhead.Reading>, AutoCloseable {

    /** What a worker hands over: routed records in order, the last of them with the end of the object. */
    sealed interface Item permits Records, End {
        List<Record> records();
    }

    record Record(long index, Routed routed) {
    }

    /** A few records at once: handing them over one by one would cost a lock hand-off each. */
    record Records(List<Record> records) implements Item {
    }

    /** Records per hand-over. */
    private static final int CHUNK = 64;

    /**
     * The object's last records and its end, in one hand-over: most objects hold a few records, so a separate end
     * would double the hand-offs (and the consumer's wake-ups). {@code failure} says why the object ended early (the
     * source could not be read), or is null.
     */
    record End(List<Record> records, String failure) implements Item {
    }

    /** One object being read: its records arrive through {@link #take()} until an {@link End}. */
    static final class Reading {
        private final SourceObject object;
        private final long resumeAt;
        private final BlockingQueue<Item> items;
        private Future<?> worker;

        private Reading(SourceObject object, long resumeAt, int capacity) {
            this.object = object;
            this.resumeAt = resumeAt;
            this.items = new ArrayBlockingQueue<>(Math.max(1, capacity / CHUNK));
        }

        SourceObject object() {
            return object;
        }

        long resumeAt() {
            return resumeAt;
        }

        Item take() throws InterruptedException {
            return items.take();
        }
    }

    private final Iterator<SourceObject> objects;
    private final ToLongFunction<SourceObject> resumeAt;
    private final ExecutorService pool;
    private final int window;
    private final int capacity;
    private final RecordRouter router;
    private final ReadLimits limits;
    private final Deque<Reading> ahead = new ArrayDeque<>();

    /**
     * @param resumeAt records of an object already done by earlier runs, skipped while reading
     * @param window   objects read at once; the pool needs at least this many threads
     * @param capacity records each object may have waiting (handed over in chunks of 64)
     */
    ReadAhead(Iterator<SourceObject> objects, ToLongFunction<SourceObject> resumeAt, ExecutorService pool, int window,
            int capacity, RecordRouter router, ReadLimits limits) {
        this.objects = objects;
        this.resumeAt = resumeAt;
        this.pool = pool;
        this.window = Math.max(1, window);
        this.capacity = capacity;
        this.router = router;
        this.limits = limits;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !ahead.isEmpty();
    }

    @Override
    public Reading next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Reading head = ahead.poll();
        fill();
        return head;
    }

    /** Stops every worker (a pass ends early); what they read is dropped. */
    @Override
    public void close() {
        ahead.forEach(reading -> reading.worker.cancel(true));
        ahead.clear();
    }

    private void fill() {
        while (ahead.size() < window && objects.hasNext()) {
            SourceObject object = objects.next();
            Reading reading = new Reading(object, resumeAt.applyAsLong(object), capacity);
            reading.worker = pool.submit(() -> read(reading));
            ahead.add(reading);
        }
    }

    /**
     * Reads what is left (a gzip trailer, whitespace; at most {@link #MAX_DRAIN} bytes) before closing, so that the
     * HTTP connection goes back to the pool instead of being torn down: with many tiny objects, a new connection per
     * object would cost more than the object.
     */
    private static final class Drained extends java.io.FilterInputStream {
        private static final int MAX_DRAIN = 64 * 1024;

        Drained(InputStream in) {
            super(in);
        }

        @Override
        public void close() throws java.io.IOException {
            try {
                in.readNBytes(MAX_DRAIN);
            } catch (java.io.IOException e) {
                // The object was unreadable anyway; closing below discards the connection.
            } finally {
                in.close();
            }
        }
    }

    /** On a worker: every record of the object after {@code resumeAt}, routed, then the end. */
    private void read(Reading reading) {
        String id = reading.object.id();
        String failure = null;
        List<Record> chunk = new ArrayList<>(CHUNK);
        try (InputStream in = new Drained(reading.object.open());
             RecordReader reader = RecordReader.open(in, limits)) {
            while (reader.hasNext()) {
                RecordItem item = reader.next();
                if (item.index() >= 0 && item.index() < reading.resumeAt) {
                    continue;
                }
                chunk.add(new Record(item.index(), router.route(id, item)));
                if (chunk.size() == CHUNK) {
                    reading.items.put(new Records(chunk));
                    chunk = new ArrayList<>(CHUNK);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            failure = UnreadableSourceException.describe(e);
        }
        try {
            reading.items.put(new End(chunk, failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
