package dev.roletrail.ingest.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.roletrail.ingest.progress.Checkpoints;
import dev.roletrail.ingest.source.ObjectSource;
import dev.roletrail.ingest.source.SourceObject;
import dev.roletrail.ingest.source.UnreadableSourceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * CloudTrail log objects in a bucket, as CloudTrail lays them out under {@code <prefix>AWSLogs/}: organisation and
 * single-account trails, filtered by account, region and date range; digest files and every other key skipped. Each
 * account/region stream is listed after its own start-after (its checkpoint, the range's first day, or the
 * configured key, whichever is latest); the streams are merged into one sequence in delivery order. SSE-KMS objects
 * need nothing here: S3 decrypts them on GET for a caller allowed {@code kms:Decrypt}.
 */
public final class S3ObjectSource implements ObjectSource {

    private final S3Client s3;
    private final TrailSelection selection;
    private final int listConcurrency;
    private final int pageSize;

    /** The whole trail under {@code prefix}, skipping keys up to {@code startAfter} (or null). */
    public S3ObjectSource(S3Client s3, String bucket, String prefix, String startAfter) {
        this(s3, TrailSelection.all(bucket, prefix, startAfter), 8, 1000);
    }

    /**
     * @param listConcurrency how many listing requests may run at once (discovery and each stream's first page)
     * @param pageSize        keys per listing request (at most 1,000); bounds the memory a stream's listing holds
     */
    public S3ObjectSource(S3Client s3, TrailSelection selection, int listConcurrency, int pageSize) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.listConcurrency = listConcurrency;
        this.pageSize = pageSize;
    }

    @Override
    public Iterator<SourceObject> list(Checkpoints done) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(listConcurrency, runnable -> {
            Thread thread = new Thread(runnable, "roletrail-s3-list");
            thread.setDaemon(true);
            return thread;
        });
        try {
            S3Lister lister = new S3Lister(s3);
            List<Iterator<MergedListing.Listed>> streams = new ArrayList<>();
            for (TrailStream stream : new TrailDiscovery(lister, pool).discover(selection)) {
                streams.add(MergedListing.stream(lister, selection, stream, startAfter(stream, done), pageSize));
            }
            return toSourceObjects(new MergedListing(streams, pool));
        } catch (SdkException e) {
            throw new IOException("cannot list s3://" + selection.bucket() + "/" + selection.logsPrefix() + ": "
                    + S3Errors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing s3://" + selection.bucket(), e);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Checks that the bucket exists and may be listed, so a wrong name, endpoint or permission gives one clear line at
     * start.
     */
    public void verifyAccess() throws IOException {
        try {
            s3.listObjectsV2(b -> b.bucket(selection.bucket()).prefix(selection.logsPrefix()).maxKeys(1));
        } catch (SdkException e) {
            throw new IOException("cannot list s3://" + selection.bucket() + "/" + selection.logsPrefix() + ": "
                    + S3Errors.describe(e), e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + selection.bucket() + "/" + selection.prefix();
    }

    /** The latest of the stream's checkpoint, the range's first day and the configured start-after. */
    private String startAfter(TrailStream stream, Checkpoints done) {
        String start = null;
        for (String candidate : new String[] {done.listingStart(selection.bucket(), stream.prefix()).orElse(null),
                selection.fromCursor(stream.prefix()), selection.startAfter()}) {
            if (candidate != null && (start == null || candidate.compareTo(start) > 0)) {
                start = candidate;
            }
        }
        return start;
    }

    private Iterator<SourceObject> toSourceObjects(MergedListing listing) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return listing.hasNext();
                } catch (SdkException e) {
                    throw new ListingException("cannot list s3://" + selection.bucket() + ": " + S3Errors.describe(e), e);
                }
            }

            @Override
            public SourceObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                MergedListing.Listed listed;
                try {
                    listed = listing.next();
                } catch (SdkException e) {
                    throw new ListingException("cannot list s3://" + selection.bucket() + ": " + S3Errors.describe(e), e);
                }
                String key = listed.object().key();
                return new SourceObject("s3://" + selection.bucket() + "/" + key, listed.object().size(),
                        listed.object().lastModified(), () -> open(key));
            }
        };
    }

    private InputStream open(String key) throws IOException {
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(selection.bucket()).key(key).build());
        } catch (SdkException e) {
            String why = e instanceof software.amazon.awssdk.services.s3.model.S3Exception
                    ? S3Errors.describe(e) : "no answer from S3 (" + e.getClass().getSimpleName() + ")";
            throw new UnreadableSourceException("cannot read s3://" + selection.bucket() + "/" + key + ": " + why, e);
        }
    }
}
