package dev.roletrail.schemas.ingest;

import java.util.Objects;

/**
 * How far ingest got with one source object (compacted topic {@code roletrail.ingest-progress}, key: the source).
 * Written in the same Kafka transaction as the records it covers, so after a crash ingest resumes exactly where the
 * last committed transaction ended.
 *
 * @param source      {@code s3://bucket/key} or a file path
 * @param recordsDone records of the source already produced (or dead-lettered)
 * @param complete    whether the whole source has been read
 */
public record IngestProgress(String source, long recordsDone, boolean complete) {

    public IngestProgress {
        Objects.requireNonNull(source, "source");
        if (recordsDone < 0) {
            throw new IllegalArgumentException("recordsDone must not be negative");
        }
    }
}
