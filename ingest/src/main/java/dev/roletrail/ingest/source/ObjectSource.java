package dev.roletrail.ingest.source;

import java.io.IOException;
import java.util.Iterator;

import dev.roletrail.ingest.progress.Checkpoints;

/** Lists the objects to ingest, in the order they should be read. */
public interface ObjectSource {

    /**
     * One pass over the source: the objects to read, in reading order, listed lazily so that a long backfill never
     * holds its whole listing. The checkpoints tell where earlier runs got to, so listing can start there. Listing
     * failures after the first batch surface from the iterator as {@link ListingException}.
     */
    Iterator<SourceObject> list(Checkpoints done) throws IOException;

    /** A short description for logs and progress, without credentials. */
    String describe();

    /** Listing failed part-way (the source became unreachable or refused access). */
    final class ListingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ListingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
