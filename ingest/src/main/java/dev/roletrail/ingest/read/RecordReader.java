package dev.roletrail.ingest.read;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.ingest.source.UnreadableSourceException;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Reasons;

/**
 * Reads CloudTrail records one at a time from a source, never holding the whole source in memory. Accepts gzipped or
 * plain input, in the {@code {"Records":[...]}} envelope CloudTrail writes, as a JSON array of records, or one record
 * per line; and records as exports wrap them (see {@link RecordFields#WRAPPERS}): CloudTrail Lake query results
 * ({@code {"QueryResultRows":[[{"eventJson":"..."}], ...]}}, or the rows alone), Splunk and Elastic exports. A wrapped
 * record comes out as the record alone; only a value with a wrapper field and no CloudTrail field of its own takes
 * that slower path. A record that cannot be used becomes a {@link RecordItem.Bad} at its position and reading goes on; an
 * error that makes the rest unreadable (corrupt gzip, broken envelope) ends the source with a fatal item.
 */
public final class RecordReader implements Iterator<RecordItem>, Closeable {

    private static final int PEEK_BYTES = 4096;
    private static final Pattern ENVELOPE_START = Pattern.compile("^\\{\\s*\"Records\"\\s*:\\s*\\[", Pattern.DOTALL);
    /** What {@code aws cloudtrail get-query-results} writes: its first field is one of these. */
    private static final Pattern QUERY_RESULTS_START = Pattern.compile(
            "^\\{\\s*\"(QueryStatus|QueryStatistics|QueryResultRows|NextToken|ErrorMessage)\"\\s*:", Pattern.DOTALL);
    /** The array of rows in CloudTrail Lake's query results. */
    private static final String QUERY_RESULT_ROWS = "QueryResultRows";
    /** Wrappers inside wrappers (Splunk's {@code result} holding {@code _raw}) are followed this deep. */
    private static final int MAX_WRAPPERS = 3;
    /**
     * Records are parsed one by one from their own bytes; nesting up to the hard limit is tolerated by the parser
     * (line mode checks the configured limit while parsing, envelope mode on the bytes before parsing).
     */
    private static final JsonFactory STREAMING = streamingFactory();
    /** Strings longer than this are refused by the parser, but only when read whole (see {@link RecordFields}). */
    private static final int MAX_STRING_LENGTH = STREAMING.streamReadConstraints().getMaxStringLength();
    private static final int PAYLOAD_BYTES = 2 * dev.roletrail.schemas.deadletter.DeadLetter.MAX_PAYLOAD_CHARS;

    private enum Format { ENVELOPE, QUERY_RESULTS, ARRAY, LINES, EMPTY }

    private final InputStream raw;
    private final ReadLimits limits;
    private InputStream in;
    private RecordSplitter splitter;
    private Format format;
    private boolean started;
    private boolean finished;
    /** Whether reading got past the envelope to the records, so a failure can name the record it hit. */
    private boolean inRecords;
    private long nextIndex;
    private RecordItem next;

    private RecordReader(InputStream raw, ReadLimits limits) {
        this.raw = raw;
        this.limits = limits;
    }

    /** Starts reading lazily: opening never fails, problems come back as items. */
    public static RecordReader open(InputStream raw, ReadLimits limits) {
        return new RecordReader(raw, limits);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = advance();
            if (next == null) {
                finished = true;
            } else if (next instanceof RecordItem.Bad bad && bad.fatal()) {
                finished = true;
            }
        }
        return next != null;
    }

    @Override
    public RecordItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RecordItem item = next;
        next = null;
        return item;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    private RecordItem advance() {
        try {
            if (!started) {
                started = true;
                start();
            }
            return switch (format) {
                case ENVELOPE, QUERY_RESULTS, ARRAY -> nextArrayElement();
                case LINES -> nextLine();
                case EMPTY -> null;
            };
        } catch (IOException | RuntimeException e) {
            return new RecordItem.Bad(inRecords ? nextIndex : -1, describe(e) + restLostSuffix(), null, true);
        }
    }

    private String restLostSuffix() {
        return inRecords ? "; records from index " + nextIndex + " on could not be read" : "";
    }

    private void start() throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream decoded = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        in = new BufferedInputStream(new LimitedInputStream(decoded, limits.maxInflatedBytes()), 1 << 16);
        format = sniff();
        if (format == Format.QUERY_RESULTS) {
            RecordSplitter.enterField(in, QUERY_RESULT_ROWS);
            splitter = new RecordSplitter(in, limits.maxRecordBytes());
        } else if (format == Format.ENVELOPE || format == Format.ARRAY) {
            RecordSplitter.enterArray(in);
            splitter = new RecordSplitter(in, limits.maxRecordBytes());
        }
        inRecords = true;
    }

    private Format sniff() throws IOException {
        in.mark(PEEK_BYTES);
        byte[] head = in.readNBytes(PEEK_BYTES);
        in.reset();
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.isEmpty()) {
            return Format.EMPTY;
        }
        if (text.charAt(0) == '[') {
            return Format.ARRAY;
        }
        if (ENVELOPE_START.matcher(text).find()) {
            return Format.ENVELOPE;
        }
        if (QUERY_RESULTS_START.matcher(text).find()) {
            return Format.QUERY_RESULTS;
        }
        if (text.charAt(0) == '{') {
            return Format.LINES;
        }
        throw new JsonFormatException("not JSON: input starts with '" + printable(text.charAt(0)) + "'");
    }

    private RecordItem nextArrayElement() throws IOException {
        long index = nextIndex;
        RecordSplitter.Element element = splitter.next();
        if (element == null) {
            return null;
        }
        nextIndex++;
        if (element.truncated()) {
            return new RecordItem.Bad(index, "record exceeds the limit of " + limits.maxRecordBytes() + " bytes",
                    lossy(prefix(element.bytes())), false);
        }
        if (element.depth() > limits.maxNestingDepth()) {
            return new RecordItem.Bad(index, "record nesting depth exceeds the limit of " + limits.maxNestingDepth(),
                    lossy(prefix(element.bytes())), false);
        }
        if (!element.object()) {
            return element.bytes()[0] == '[' ? lakeRow(index, element.bytes())
                    : new RecordItem.Bad(index, "not a JSON object", lossy(prefix(element.bytes())), false);
        }
        try (JsonParser record = STREAMING.createParser(element.bytes())) {
            RecordFields fields = RecordFields.read(record, element.bytes().length > MAX_STRING_LENGTH);
            if (record.nextToken() != null) {
                return new RecordItem.Bad(index, "invalid JSON: more than one value", lossy(prefix(element.bytes())),
                        false);
            }
            return fields.wrapped() ? unwrap(index, fields.wrapper(), element.bytes())
                    : new RecordItem.Good(index, fields, element.bytes());
        } catch (JsonProcessingException e) {
            return new RecordItem.Bad(index, describe(e), lossy(prefix(element.bytes())), false);
        }
    }

    /** Enough of a rejected record for its dead letter, which keeps the first few kilobytes. */
    private static byte[] prefix(byte[] bytes) {
        return bytes.length <= PAYLOAD_BYTES ? bytes : Arrays.copyOf(bytes, PAYLOAD_BYTES);
    }

    private RecordItem nextLine() throws IOException {
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            long length = 0;
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (length++ < limits.maxRecordBytes()) {
                    line.write(b);
                }
            }
            if (b < 0 && length == 0) {
                return null;
            }
            long index = nextIndex++;
            if (length > limits.maxRecordBytes()) {
                return new RecordItem.Bad(index, "record exceeds the limit of " + limits.maxRecordBytes() + " bytes",
                        lossy(prefix(line.toByteArray())), false);
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(line.toByteArray())).toString().replace("\uFEFF", "");
            } catch (CharacterCodingException e) {
                return new RecordItem.Bad(index, "not valid UTF-8", lossy(line.toByteArray()), false);
            }
            if (text.isBlank()) {
                continue;
            }
            try (JsonParser lineParser = STREAMING.createParser(text)) {
                RecordFields fields = RecordFields.read(lineParser, text.length() > MAX_STRING_LENGTH);
                if (!fields.object()) {
                    return text.strip().startsWith("[") && lineParser.nextToken() == null
                            ? lakeRow(index, text.strip().getBytes(StandardCharsets.UTF_8))
                            : new RecordItem.Bad(index, "not a JSON object", text, false);
                }
                if (lineParser.nextToken() != null) {
                    return new RecordItem.Bad(index, "invalid JSON: more than one value on the line", text, false);
                }
                if (fields.depth() > limits.maxNestingDepth()) {
                    return new RecordItem.Bad(index, "record nesting depth exceeds the limit of "
                            + limits.maxNestingDepth(), text, false);
                }
                byte[] bytes = text.strip().getBytes(StandardCharsets.UTF_8);
                return fields.wrapped() ? unwrap(index, fields.wrapper(), bytes)
                        : new RecordItem.Good(index, fields, bytes);
            } catch (JsonProcessingException e) {
                return new RecordItem.Bad(index, describe(e), text, false);
            }
        }
    }

    /**
     * The record an export wrapped, as its own bytes: a string's contents exactly (CloudTrail Lake's {@code eventJson}
     * and Splunk's {@code _raw} hold the record as AWS wrote it), an object written out compactly. Read and checked
     * as any record is, following wrappers inside wrappers; {@code outer} is the dead letter's payload when it fails.
     */
    private RecordItem unwrap(long index, RecordFields.Wrapper first, byte[] outer) throws IOException {
        RecordFields.Wrapper wrapper = first;
        String path = first.field();
        for (int level = 1; ; level++) {
            JsonNode value = wrapper.value();
            if (!value.isTextual() && !value.isObject()) {
                return new RecordItem.Bad(index, "export field " + path + " holds neither a record nor a JSON string",
                        lossy(prefix(outer)), false);
            }
            byte[] inner = value.isTextual() ? value.textValue().getBytes(StandardCharsets.UTF_8) : compact(value);
            try (JsonParser parser = STREAMING.createParser(inner)) {
                RecordFields fields = RecordFields.read(parser, inner.length > MAX_STRING_LENGTH);
                String unusable = !fields.object() ? "holds no JSON object"
                        : parser.nextToken() != null ? "holds invalid JSON: more than one value"
                        : fields.depth() > limits.maxNestingDepth()
                                ? "holds a record nesting deeper than the limit of " + limits.maxNestingDepth() : null;
                if (unusable != null) {
                    return new RecordItem.Bad(index, "export field " + path + " " + unusable, lossy(prefix(outer)),
                            false);
                }
                if (!fields.wrapped() || level == MAX_WRAPPERS) {
                    return new RecordItem.Good(index, fields, inner);
                }
                wrapper = fields.wrapper();
                path = path + "." + wrapper.field();
            } catch (JsonProcessingException e) {
                return new RecordItem.Bad(index, "export field " + path + " holds " + describe(e),
                        lossy(prefix(outer)), false);
            }
        }
    }

    /**
     * A row of CloudTrail Lake query results, {@code [{"eventJson":"..."}, ...]} (one map per selected column): its
     * {@code eventJson} is the record. An array that is not such a row is not a record.
     */
    private RecordItem lakeRow(long index, byte[] bytes) throws IOException {
        JsonNode row;
        try (JsonParser parser = STREAMING.createParser(bytes)) {
            row = parser.readValueAsTree();
        } catch (IOException e) {
            return new RecordItem.Bad(index, describe(e), lossy(prefix(bytes)), false);
        }
        boolean columns = row != null && !row.isEmpty();
        for (JsonNode column : row == null ? Json.mapper().createArrayNode() : row) {
            if (!column.isObject()) {
                columns = false;
            } else if (column.has("eventJson")) {
                return unwrap(index, new RecordFields.Wrapper("eventJson", column.get("eventJson")), bytes);
            }
        }
        return new RecordItem.Bad(index, columns
                ? "export row of CloudTrail Lake results has no eventJson column (query SELECT eventJson)"
                : "not a JSON object", lossy(prefix(bytes)), false);
    }

    private static byte[] compact(JsonNode value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree read from JSON writes back", e);
        }
    }

    private static JsonFactory streamingFactory() {
        JsonFactory factory = Json.mapper().getFactory().copy();
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(ReadLimits.HARD_NESTING_DEPTH).build());
        factory.setCodec(Json.mapper());
        return factory;
    }

    private static String lossy(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || !Character.isDefined(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /**
     * A short reason in RoleTrail's words, naming the kind of failure: gzip, JSON, the shape of the input, or the
     * source breaking off.
     */
    static String describe(Exception e) {
        if (e instanceof java.util.zip.ZipException) {
            return "corrupt or truncated gzip: the compressed data is corrupt";
        }
        if (e instanceof java.io.EOFException) {
            return "corrupt or truncated gzip: the compressed data ends early";
        }
        if (e instanceof JsonFormatException || e instanceof LimitedInputStream.InflatedSizeLimitException) {
            return e.getMessage();
        }
        if (e instanceof JsonProcessingException json) {
            return Reasons.invalidJson(json);
        }
        return "unreadable source: " + UnreadableSourceException.describe(e);
    }

    /** Input that is JSON-ish but not in a shape CloudTrail writes. */
    static final class JsonFormatException extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonFormatException(String message) {
            super(message);
        }
    }
}
