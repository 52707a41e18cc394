package dev.roletrail.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing ingest reads records from: an S3 object, a local file, or standard input.
 *
 * @param id           where it is, as written to progress and dead letters: {@code s3://bucket/key} or a file path
 * @param size         its size in bytes as listed (compressed), or -1 when unknown
 * @param lastModified when it was written, or null when unknown (for the "age of the newest object" metric)
 * @param resumable    whether it can be read again from the start, so its progress is worth checkpointing
 *                     (standard input cannot)
 */
public record SourceObject(String id, long size, Instant lastModified, boolean resumable, Opener opener) {

    public SourceObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(opener, "opener");
    }

    /** A source that can be reopened, such as an S3 object or a file. */
    public SourceObject(String id, long size, Instant lastModified, Opener opener) {
        this(id, size, lastModified, true, opener);
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    /** Opens the object's bytes; may fail (missing, forbidden, unreachable). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
