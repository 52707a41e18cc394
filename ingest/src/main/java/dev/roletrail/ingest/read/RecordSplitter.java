package dev.roletrail.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts the elements of a JSON array out of a byte stream without parsing them: it tracks only strings, escapes and
 * bracket depth, so it runs at memory speed and hands each record over as the exact bytes CloudTrail wrote. That lets
 * a record be parsed once (from its own bytes), produced without being written back, and rejected on its own when it
 * is too large, too deep or not valid JSON, while the records after it are still read.
 */
final class RecordSplitter {

    /** One array element: its bytes (the first {@code maxBytes} when too large), its size and nesting depth. */
    record Element(byte[] bytes, long size, int depth, boolean object) {
        boolean truncated() {
            return size > bytes.length;
        }
    }

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;

    /** @param in positioned just after the array's opening bracket */
    RecordSplitter(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Skips everything up to and including the first {@code [}: the start of the records array. */
    static void enterArray(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) >= 0 && b != '[') {
            // The envelope's opening, already checked by sniffing.
        }
        if (b < 0) {
            throw new RecordReader.JsonFormatException("input ended before the records array");
        }
    }

    /**
     * Skips everything up to and including the {@code [} that opens the array under {@code field} of the top-level
     * object (CloudTrail Lake's {@code QueryResultRows}): fields before it are passed over whatever they hold.
     */
    static void enterField(InputStream in, String field) throws IOException {
        byte[] wanted = ("\"" + field + "\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        // The bytes of the current string at depth 1, quotes included, while they still match the field's name.
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (inString) {
                matched = matched > 0 && matched < wanted.length && b == wanted[matched] && !escaped ? matched + 1 : 0;
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                    if (matched == wanted.length && skipWhitespace(in) == ':') {
                        if (skipWhitespace(in) == '[') {
                            return;
                        }
                        throw new RecordReader.JsonFormatException(field + " is not an array");
                    }
                }
            } else if (b == '"') {
                inString = true;
                matched = depth == 1 ? 1 : 0;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        throw new RecordReader.JsonFormatException("input ended before the " + field + " array");
    }

    /** The next byte that is not whitespace, or -1. */
    private static int skipWhitespace(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b == ' ' || b == '\n' || b == '\r' || b == '\t');
        return b;
    }

    /** The next element, or null at the end of the array; throws when the input ends inside the array. */
    Element next() throws IOException {
        int first = skipSeparators();
        if (first == ']') {
            return null;
        }
        boolean scalar = first != '{' && first != '[';
        // Null while the element lies within one buffer (the usual case), so that it is copied once, at its size.
        byte[] kept = null;
        int keptLength = 0;
        long size = 0;
        int depth = 0;
        int maxDepth = 0;
        boolean inString = false;
        boolean escaped = false;
        // The first byte is still in the buffer, just before position: scan from there, copying whole spans.
        int i = position - 1;
        int spanStart = i;
        while (true) {
            if (i == limit) {
                kept = keep(kept, keptLength, spanStart, i);
                keptLength = (int) Math.min(maxBytes, keptLength + (long) (i - spanStart));
                size += i - spanStart;
                if (!fill()) {
                    throw new RecordReader.JsonFormatException("input ended inside a record (truncated?)");
                }
                i = 0;
                spanStart = 0;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                    i++;
                    continue;
                }
                // Most of a record's bytes are string contents: run through them to the next quote or backslash.
                while (i < limit && buffer[i] != '"' && buffer[i] != '\\') {
                    i++;
                }
                if (i < limit) {
                    // A backslash escapes the next byte; a quote ends the string.
                    escaped = buffer[i] == '\\';
                    inString = escaped;
                    i++;
                }
                continue;
            }
            int b = buffer[i] & 0xff;
            if (scalar && (b == ',' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t')) {
                break;
            }
            i++;
            if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                maxDepth = Math.max(maxDepth, ++depth);
            } else if ((b == '}' || b == ']') && --depth == 0 && !scalar) {
                break;
            }
        }
        size += i - spanStart;
        position = i;
        byte[] bytes;
        if (kept == null) {
            bytes = Arrays.copyOfRange(buffer, spanStart, spanStart + (int) Math.min(maxBytes, i - spanStart));
        } else {
            kept = keep(kept, keptLength, spanStart, i);
            keptLength = (int) Math.min(maxBytes, keptLength + (long) (i - spanStart));
            bytes = kept.length == keptLength ? kept : Arrays.copyOf(kept, keptLength);
        }
        return new Element(bytes, size, maxDepth, first == '{');
    }

    /**
     * Appends buffer[from, to) to what is kept of the element (null: nothing yet), up to {@code maxBytes}; returns
     * the (grown) array.
     */
    private byte[] keep(byte[] kept, int keptLength, int from, int to) {
        int length = Math.min(maxBytes - keptLength, to - from);
        if (length <= 0) {
            return kept;
        }
        byte[] target = kept;
        if (kept == null || keptLength + length > kept.length) {
            int grown = (int) Math.min(maxBytes, Math.max(kept == null ? 0 : kept.length * 2L, (long) keptLength + length));
            target = kept == null ? new byte[grown] : Arrays.copyOf(kept, grown);
        }
        System.arraycopy(buffer, from, target, keptLength, length);
        return target;
    }

    private int skipSeparators() throws IOException {
        int b;
        do {
            b = read();
            if (b < 0) {
                throw new RecordReader.JsonFormatException("input ended inside the records array (truncated?)");
            }
        } while (b == ',' || b == ' ' || b == '\n' || b == '\r' || b == '\t');
        return b;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
