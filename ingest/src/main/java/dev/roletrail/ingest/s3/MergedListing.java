package dev.roletrail.ingest.s3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The log objects of many streams as one sequence in delivery order (stamp, then key), so a backfill moves through
 * time across all accounts and regions together rather than one account after another. Each stream is listed lazily,
 * one page at a time; the first pages are requested in parallel.
 */
final class MergedListing implements Iterator<MergedListing.Listed> {

    /** A listed log object with its parsed key. */
    record Listed(S3Object object, CloudTrailObjectKey key) {
    }

    private record Head(Listed listed, Iterator<Listed> rest) {
    }

    private static final Comparator<Head> DELIVERY_ORDER =
            Comparator.comparing((Head head) -> head.listed().key().stamp()).thenComparing(head -> head.listed().key().key());

    private final PriorityQueue<Head> heads = new PriorityQueue<>(DELIVERY_ORDER);

    MergedListing(List<Iterator<Listed>> streams, ExecutorService pool) throws InterruptedException {
        List<Future<Boolean>> primed = new ArrayList<>();
        for (Iterator<Listed> stream : streams) {
            primed.add(pool.submit(stream::hasNext));
        }
        for (int i = 0; i < streams.size(); i++) {
            if (TrailDiscovery.join(primed.get(i))) {
                Iterator<Listed> stream = streams.get(i);
                heads.add(new Head(stream.next(), stream));
            }
        }
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public Listed next() {
        Head head = heads.poll();
        if (head == null) {
            throw new NoSuchElementException();
        }
        if (head.rest().hasNext()) {
            heads.add(new Head(head.rest().next(), head.rest()));
        }
        return head.listed();
    }

    /** One stream's log objects after its start-after, up to the end of the selected date range. */
    static Iterator<Listed> stream(S3Lister lister, TrailSelection selection, TrailStream stream, String startAfter,
            int pageSize) {
        Iterator<S3Object> keys = lister.iterate(selection.bucket(), stream.prefix(), startAfter, pageSize);
        return new Iterator<>() {
            private Listed next;
            private boolean ended;

            @Override
            public boolean hasNext() {
                while (next == null && !ended && keys.hasNext()) {
                    S3Object object = keys.next();
                    CloudTrailObjectKey key = CloudTrailObjectKey.parse(object.key()).orElse(null);
                    if (key == null) {
                        continue;
                    }
                    if (selection.beyondEnd(key.date())) {
                        ended = true;
                    } else {
                        next = new Listed(object, key);
                    }
                }
                return next != null;
            }

            @Override
            public Listed next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Listed listed = next;
                next = null;
                return listed;
            }
        };
    }
}
