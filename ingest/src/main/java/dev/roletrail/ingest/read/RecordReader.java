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
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Reasons;

/**
 * Reads CloudTrail records one at a time from a source, never holding the whole source in memory. Accepts gzipped or
 * plain input, in the {@code {"Records":[...]}} envelope CloudTrail writes, as a JSON array of records, or one record
 * per line. A record that cannot be used becomes a {@link RecordItem.Bad} at its position and reading goes on; an
 * error that makes the rest unreadable (corrupt gzip, broken envelope) ends the source with a fatal item.
 */
public final class RecordReader implements Iterator<RecordItem>, Closeable {

    private static final int PEEK_BYTES = 4096;
    private static final Pattern ENVELOPE_START = Pattern.compile("^\\{\\s*\"Records\"\\s*:\\s*\\[", Pattern.DOTALL);

    private enum Format { ENVELOPE, ARRAY, LINES, EMPTY }

    private final InputStream raw;
    private final ReadLimits limits;
    private InputStream in;
    private JsonParser parser;
    private Format format;
    private boolean started;
    private boolean finished;
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
        if (parser != null) {
            parser.close();
        }
        raw.close();
    }

    private RecordItem advance() {
        try {
            if (!started) {
                started = true;
                start();
            }
            return switch (format) {
                case ENVELOPE, ARRAY -> nextArrayElement();
                case LINES -> nextLine();
                case EMPTY -> null;
            };
        } catch (IOException | RuntimeException e) {
            return new RecordItem.Bad(nextIndex == 0 ? -1 : nextIndex, describe(e) + restLostSuffix(), null, true);
        }
    }

    private String restLostSuffix() {
        return nextIndex == 0 ? "" : "; records from index " + nextIndex + " on could not be read";
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
        if (format == Format.ENVELOPE || format == Format.ARRAY) {
            parser = Json.mapper().getFactory().createParser(in);
            if (format == Format.ENVELOPE) {
                enterRecordsArray();
            } else {
                parser.nextToken();
            }
        }
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
        if (text.charAt(0) == '{') {
            return Format.LINES;
        }
        throw new JsonFormatException("not JSON: input starts with '" + printable(text.charAt(0)) + "'");
    }

    /** Positions the parser on the START_ARRAY of {@code Records}. */
    private void enterRecordsArray() throws IOException {
        parser.nextToken(); // START_OBJECT
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("Records".equals(field) && value == JsonToken.START_ARRAY) {
                return;
            }
            parser.skipChildren();
        }
        throw new JsonFormatException("envelope has no Records array");
    }

    private RecordItem nextArrayElement() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY || token == null) {
            if (token == null) {
                throw new JsonFormatException("input ended inside the records array (truncated?)");
            }
            return null;
        }
        long index = nextIndex++;
        long start = parser.currentTokenLocation().getByteOffset();
        TokenBuffer copy = new TokenBuffer(parser);
        boolean tooLarge = copyBounded(copy, start);
        if (tooLarge) {
            return new RecordItem.Bad(index, "record exceeds the limit of " + limits.maxRecordBytes() + " bytes",
                    null, false);
        }
        try (JsonParser replay = copy.asParser(parser)) {
            JsonNode node = replay.readValueAsTree();
            if (node == null || !node.isObject()) {
                return new RecordItem.Bad(index, "not a JSON object", node == null ? null : node.toString(), false);
            }
            return new RecordItem.Good(index, node);
        }
    }

    /** Copies the current value into the buffer; stops copying (but keeps skipping) once it grows past the limit. */
    private boolean copyBounded(TokenBuffer copy, long start) throws IOException {
        if (!parser.currentToken().isStructStart()) {
            copy.copyCurrentEvent(parser);
            return false;
        }
        int depth = 0;
        boolean tooLarge = false;
        do {
            JsonToken token = parser.currentToken();
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
            if (!tooLarge) {
                copy.copyCurrentEvent(parser);
                tooLarge = parser.currentLocation().getByteOffset() - start > limits.maxRecordBytes();
            }
            if (depth > 0 && parser.nextToken() == null) {
                throw new JsonFormatException("input ended inside a record (truncated?)");
            }
        } while (depth > 0);
        return tooLarge;
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
                        null, false);
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
            try {
                JsonNode node = Json.mapper().readTree(text);
                if (!node.isObject()) {
                    return new RecordItem.Bad(index, "not a JSON object", text, false);
                }
                return new RecordItem.Good(index, node);
            } catch (JsonProcessingException e) {
                return new RecordItem.Bad(index, describe(e), text, false);
            }
        }
    }

    private static String lossy(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || !Character.isDefined(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** A short reason, naming the kind of failure: gzip, JSON, or the shape of the input. */
    static String describe(Exception e) {
        String reason = Reasons.oneLine(e);
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            return "corrupt or truncated gzip: " + reason;
        }
        if (e instanceof JsonProcessingException && !(e instanceof JsonFormatException)) {
            return "invalid JSON: " + reason;
        }
        return reason;
    }

    /** Input that is JSON-ish but not in a shape CloudTrail writes. */
    static final class JsonFormatException extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonFormatException(String message) {
            super(message);
        }
    }
}
