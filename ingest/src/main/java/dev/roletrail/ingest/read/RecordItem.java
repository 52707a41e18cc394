package dev.roletrail.ingest.read;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/** One item read from a source: a record's JSON tree, or what went wrong at that position. */
public sealed interface RecordItem permits RecordItem.Good, RecordItem.Bad {

    /** Position within the source, 0-based; -1 when the source as a whole failed before any record. */
    long index();

    /**
     * @param raw the record's bytes as the source holds them (produced as they are), or null when only the tree is
     *            known
     */
    record Good(long index, JsonNode json, byte[] raw) implements RecordItem {
        public Good {
            Objects.requireNonNull(json, "json");
        }

        public Good(long index, JsonNode json) {
            this(index, json, null);
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
