package dev.roletrail.ingest.read;

import java.util.Objects;

/** One item read from a source: a record (its bytes and the fields ingest checks), or what went wrong at that position. */
public sealed interface RecordItem permits RecordItem.Good, RecordItem.Bad {

    /** Position within the source, 0-based; -1 when the source as a whole failed before any record. */
    long index();

    /**
     * @param fields the fields ingest checks; the record as a whole is valid JSON
     * @param raw    the record's bytes as the source holds them, which are produced as they are
     */
    record Good(long index, RecordFields fields, byte[] raw) implements RecordItem {
        public Good {
            Objects.requireNonNull(fields, "fields");
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * @param fatal   whether reading the rest of the source is impossible (corrupt gzip, broken envelope)
     * @param payload the start of the offending input, when there is any
     */
    record Bad(long index, String reason, String payload, boolean fatal) implements RecordItem {
        public Bad {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
