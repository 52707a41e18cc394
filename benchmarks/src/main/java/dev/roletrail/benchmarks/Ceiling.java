package dev.roletrail.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;

/**
 * The machine's ceiling for reading CloudTrail: gunzip and parse every record of the same objects into a JSON tree,
 * one record at a time, on one thread, with no S3, no validation and no Kafka. Whatever ingest does must at least do
 * this much.
 */
final class Ceiling {

    /** What one pass read. */
    record Result(long records, long inflatedBytes, long nanos) {
    }

    private Ceiling() {
    }

    static Result measure(List<BenchmarkData.LogObject> objects) throws IOException {
        long started = System.nanoTime();
        long records = 0;
        long inflated = 0;
        for (BenchmarkData.LogObject object : objects) {
            CountingStream in = new CountingStream(new GZIPInputStream(new ByteArrayInputStream(object.gzipped()), 1 << 16));
            try (JsonParser parser = Json.mapper().getFactory().createParser(in)) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                    if (!"Records".equals(parser.currentName())) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode record = parser.readValueAsTree();
                        if (record.hasNonNull("eventID")) {
                            records++;
                        }
                    }
                }
            }
            inflated += in.count;
        }
        return new Result(records, inflated, System.nanoTime() - started);
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
