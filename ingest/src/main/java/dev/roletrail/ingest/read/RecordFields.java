package dev.roletrail.ingest.read;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The few top-level fields of a record that ingest checks, read in one token-level pass that also validates the rest
 * of the record without building its tree: a tree per record cost more than everything else the readers do. Each
 * field is its value as a small tree (null when absent); a field given twice keeps its last value, as a tree does.
 *
 * @param object whether the value is a JSON object (only then are the fields read)
 * @param depth         how deeply the value nests objects and arrays (a scalar is 0, {@code {}} is 1), counting every
 *                      value as written, as the envelope's splitter does, even one a later duplicate field replaces
 * @param timestamp     {@code @timestamp}, the time Logstash and Elastic exports carry
 * @param eventCategory {@code Management}, {@code Data} or {@code Insight}
 * @param wrapper       the field an export may hold the record in, the first of {@link #WRAPPERS} present, or null
 */
public record RecordFields(boolean object, int depth, JsonNode eventId, JsonNode eventTime, JsonNode eventName,
        JsonNode userIdentity, JsonNode recipientAccountId, JsonNode timestamp, JsonNode eventCategory,
        Wrapper wrapper) {

    /**
     * Fields exports hold a record in, in order of precedence: CloudTrail Lake's {@code eventJson} (a string), Splunk's
     * {@code _raw} (a string), Elastic's {@code _source}, Splunk's exported search {@code result}, an {@code event}
     * envelope (Splunk HEC and others), Logstash's {@code message} (a string). CloudTrail itself writes none of them.
     */
    public static final List<String> WRAPPERS = List.of("eventJson", "_raw", "_source", "result", "event", "message");

    /** The {@link #WRAPPERS} only exports write; the others are common words a record could one day carry. */
    private static final Set<String> EXPORT_ONLY = Set.of("eventJson", "_raw", "_source");

    /** A field that may hold the record: its name and value (an object, or a string holding one). */
    public record Wrapper(String field, JsonNode value) {
    }

    private static final Set<String> RECORD_FIELDS = Set.of("eventID", "eventTime", "eventName", "userIdentity",
            "recipientAccountId", "@timestamp", "eventCategory");
    private static final Set<String> CHECKED = union(RECORD_FIELDS, WRAPPERS);

    /**
     * Reads the next value of {@code parser} to its end. Throws what parsing the value into a tree would throw; with
     * {@code checkStringLengths}, each string skipped is read whole too, so that strings beyond the parser's length
     * limit are refused as a tree would refuse them (only a record longer than that limit can hold one).
     */
    public static RecordFields read(JsonParser parser, boolean checkStringLengths) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return notAnObject(0);
        }
        if (first != JsonToken.START_OBJECT) {
            return notAnObject(skipValue(parser, first, checkStringLengths));
        }
        JsonNode eventId = null;
        JsonNode eventTime = null;
        JsonNode eventName = null;
        JsonNode userIdentity = null;
        JsonNode recipientAccountId = null;
        JsonNode timestamp = null;
        JsonNode eventCategory = null;
        Wrapper wrapper = null;
        int depth = 1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (!CHECKED.contains(name)) {
                depth = Math.max(depth, 1 + skipValue(parser, token, checkStringLengths));
                continue;
            }
            // A string is most checked values: its node made directly, as the tree would hold it, costs a fraction of
            // binding one through the codec.
            JsonNode value = token == JsonToken.VALUE_STRING ? TextNode.valueOf(parser.getText())
                    : parser.readValueAsTree();
            depth = Math.max(depth, 1 + Depth.of(value));
            switch (name) {
                case "eventID" -> eventId = value;
                case "eventTime" -> eventTime = value;
                case "eventName" -> eventName = value;
                case "userIdentity" -> userIdentity = value;
                case "recipientAccountId" -> recipientAccountId = value;
                case "@timestamp" -> timestamp = value;
                case "eventCategory" -> eventCategory = value;
                default -> wrapper = precedence(wrapper, new Wrapper(name, value));
            }
        }
        return new RecordFields(true, depth, eventId, eventTime, eventName, userIdentity, recipientAccountId,
                timestamp, eventCategory, wrapper);
    }

    /**
     * Whether the value is an export's wrapper around a record rather than a record: it has an {@link #EXPORT_ONLY}
     * field (beside it, exports often repeat a few of the record's fields: Lake's selected columns, Splunk's
     * extracted fields), or another {@link #WRAPPERS} field and none of eventID, eventTime and eventName.
     */
    public boolean wrapped() {
        return wrapper != null && (EXPORT_ONLY.contains(wrapper.field())
                || !nonNull(eventId) && !nonNull(eventTime) && !nonNull(eventName));
    }

    private static RecordFields notAnObject(int depth) {
        return new RecordFields(false, depth, null, null, null, null, null, null, null, null);
    }

    /** The wrapper earlier in {@link #WRAPPERS}; a field given twice keeps its last value. */
    private static Wrapper precedence(Wrapper kept, Wrapper found) {
        return kept == null || WRAPPERS.indexOf(found.field()) <= WRAPPERS.indexOf(kept.field()) ? found : kept;
    }

    private static Set<String> union(Set<String> a, List<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
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
