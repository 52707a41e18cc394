package dev.roletrail.ingest.read;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The few top-level fields of a record that ingest checks, read in one token-level pass that also validates the rest
 * of the record without building its tree: a tree per record cost more than everything else the readers do. Each
 * field is its value as a small tree (null when absent); a field given twice keeps its last value, as a tree does.
 *
 * @param object whether the value is a JSON object (only then are the fields read)
 * @param depth  how deeply the value nests objects and arrays (a scalar is 0, {@code {}} is 1), counting every value
 *               as written, as the envelope's splitter does, even one a later duplicate field replaces
 */
public record RecordFields(boolean object, int depth, JsonNode eventId, JsonNode eventTime, JsonNode eventName,
        JsonNode userIdentity, JsonNode recipientAccountId) {

    private static final Set<String> CHECKED =
            Set.of("eventID", "eventTime", "eventName", "userIdentity", "recipientAccountId");

    /**
     * Reads the next value of {@code parser} to its end. Throws what parsing the value into a tree would throw; with
     * {@code checkStringLengths}, each string skipped is read whole too, so that strings beyond the parser's length
     * limit are refused as a tree would refuse them (only a record longer than that limit can hold one).
     */
    public static RecordFields read(JsonParser parser, boolean checkStringLengths) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return new RecordFields(false, 0, null, null, null, null, null);
        }
        if (first != JsonToken.START_OBJECT) {
            return new RecordFields(false, skipValue(parser, first, checkStringLengths), null, null, null, null, null);
        }
        JsonNode eventId = null;
        JsonNode eventTime = null;
        JsonNode eventName = null;
        JsonNode userIdentity = null;
        JsonNode recipientAccountId = null;
        int depth = 1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (!CHECKED.contains(name)) {
                depth = Math.max(depth, 1 + skipValue(parser, token, checkStringLengths));
                continue;
            }
            JsonNode value = parser.readValueAsTree();
            depth = Math.max(depth, 1 + Depth.of(value));
            switch (name) {
                case "eventID" -> eventId = value;
                case "eventTime" -> eventTime = value;
                case "eventName" -> eventName = value;
                case "userIdentity" -> userIdentity = value;
                default -> recipientAccountId = value;
            }
        }
        return new RecordFields(true, depth, eventId, eventTime, eventName, userIdentity, recipientAccountId);
    }

    /** Whether {@code field} is present and not JSON null, as {@link JsonNode#hasNonNull} says of a tree. */
    public static boolean nonNull(JsonNode field) {
        return field != null && !field.isNull();
    }

    /** Moves past the value starting at {@code token}; returns its nesting depth. */
    private static int skipValue(JsonParser parser, JsonToken token, boolean checkStringLengths) throws IOException {
        if (!token.isStructStart()) {
            readStringIf(parser, token, checkStringLengths);
            return 0;
        }
        int depth = 1;
        int max = 1;
        while (depth > 0) {
            JsonToken next = parser.nextToken();
            if (next.isStructStart()) {
                max = Math.max(max, ++depth);
            } else if (next.isStructEnd()) {
                depth--;
            } else {
                readStringIf(parser, next, checkStringLengths);
            }
        }
        return max;
    }

    private static void readStringIf(JsonParser parser, JsonToken token, boolean checkStringLengths)
            throws IOException {
        if (checkStringLengths && token == JsonToken.VALUE_STRING) {
            parser.getText();
        }
    }
}
