package dev.roletrail.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One thing ingest reads records from: an S3 object or a local file.
 *
 * @param id   where it is, as written to progress and dead letters: {@code s3://bucket/key} or a file path
 * @param size its size in bytes as listed (compressed), or -1 when unknown
 */
public record SourceObject(String id, long size, Opener opener) {

    public SourceObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(opener, "opener");
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
