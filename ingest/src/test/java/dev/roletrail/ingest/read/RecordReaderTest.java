package dev.roletrail.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import dev.roletrail.testkit.CloudTrailFiles;

class RecordReaderTest {

    private static final ReadLimits LIMITS = new ReadLimits(4096, 1 << 20);
    private static final String A = "{\"eventID\":\"a\"}";
    private static final String B = "{\"eventID\":\"b\",\"nested\":{\"x\":[1,2]}}";

    @Test
    void shouldReadTheGzippedEnvelopeCloudTrailWrites() {
        byte[] object = CloudTrailFiles.gzip(CloudTrailFiles.envelope(List.of(A, B)));

        assertThat(eventIds(read(object))).containsExactly("a", "b");
    }

    @Test
    void shouldReadAPlainJsonArrayAndOneRecordPerLine() {
        assertThat(eventIds(read(utf8("[" + A + "," + B + "]")))).containsExactly("a", "b");
        assertThat(eventIds(read(utf8(A + "\n\n" + B + "\n")))).containsExactly("a", "b");
    }

    @Test
    void shouldReadAPrettyPrintedEnvelopeWithAByteOrderMark() {
        String pretty = "\uFEFF{\n  \"Records\" : [\n    " + A + ",\n    " + B + "\n  ]\n}\n";

        assertThat(eventIds(read(utf8(pretty)))).containsExactly("a", "b");
    }

    @Test
    void shouldReportAnOversizedRecordAndGoOn() {
        String huge = "{\"eventID\":\"h\",\"blob\":\"" + "x".repeat(10_000) + "\"}";

        List<RecordItem> items = read(CloudTrailFiles.envelope(List.of(A, huge, B)));

        assertThat(items).hasSize(3);
        assertThat(items.get(1)).isInstanceOfSatisfying(RecordItem.Bad.class, bad -> {
            assertThat(bad.index()).isEqualTo(1);
            assertThat(bad.reason()).contains("exceeds the limit of 4096 bytes");
            assertThat(bad.fatal()).isFalse();
        });
        assertThat(eventIds(items)).containsExactly("a", "b");
    }

    @Test
    void shouldEndWithAFatalItemForCorruptGzip() {
        byte[] object = CloudTrailFiles.gzip(CloudTrailFiles.envelope(List.of(A, B)));
        byte[] truncated = Arrays.copyOf(object, object.length / 2);
        object[12] ^= 0x55;

        assertThat(lastBad(read(truncated)).reason()).contains("gzip");
        assertThat(lastBad(read(truncated)).fatal()).isTrue();
        assertThat(lastBad(read(object)).fatal()).isTrue();
    }

    @Test
    void shouldStopADecompressionBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write("{\"Records\":[{\"eventID\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 16];
            Arrays.fill(zeros, (byte) 'a');
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }

        RecordItem.Bad bad = lastBad(read(out.toByteArray()));

        assertThat(bad.reason()).contains("decompression bomb");
        assertThat(out.size()).as("a small object").isLessThan(64 * 1024);
    }

    @Test
    void shouldReportInvalidJsonLinesAndNonUtf8AndKeepTheRest() {
        byte[] lines = concat(utf8(A + "\n{broken\n"), new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'},
                utf8(B + "\n"));

        List<RecordItem> items = read(lines);

        assertThat(eventIds(items)).containsExactly("a", "b");
        assertThat(items).filteredOn(RecordItem.Bad.class::isInstance).extracting(i -> ((RecordItem.Bad) i).reason())
                .satisfiesExactly(r -> assertThat(r).startsWith("invalid JSON"),
                        r -> assertThat(r).isEqualTo("not valid UTF-8"));
    }

    @Test
    void shouldDeadLetterARecordNestedTooDeeplyAndReadTheNext() {
        String deep = "{\"eventID\":\"d\",\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";

        List<RecordItem> items = read(CloudTrailFiles.envelope(List.of(A, deep, B)));

        assertThat(eventIds(items)).containsExactly("a", "b");
        assertThat(items.get(1)).isInstanceOfSatisfying(RecordItem.Bad.class, bad -> {
            assertThat(bad.reason()).isEqualTo("record nesting depth exceeds the limit of 64");
            assertThat(bad.fatal()).isFalse();
            assertThat(bad.payload()).as("the start of the record").startsWith("{\"eventID\":\"d\",\"a\":[[[");
        });
    }

    @Test
    void shouldDeadLetterAnInvalidRecordAndReadTheNext() {
        byte[] broken = utf8("{\"Records\":[" + A + ",{\"eventID\": oops}," + B + "]}");

        List<RecordItem> items = read(broken);

        assertThat(eventIds(items)).containsExactly("a", "b");
        assertThat(items.get(1)).isInstanceOfSatisfying(RecordItem.Bad.class, bad -> {
            assertThat(bad.index()).isEqualTo(1);
            assertThat(bad.reason()).startsWith("invalid JSON");
            assertThat(bad.payload()).isEqualTo("{\"eventID\": oops}");
            assertThat(bad.fatal()).isFalse();
        });
    }

    @Test
    void shouldNameTheRecordWhereTruncatedInputEnds() {
        RecordItem.Bad bad = lastBad(read(utf8("{\"Records\":[" + A + "," + B + ",{\"eventID\":\"c\"")));

        assertThat(bad.index()).isEqualTo(2);
        assertThat(bad.reason()).isEqualTo(
                "input ended inside a record (truncated?); records from index 2 on could not be read");
        assertThat(bad.fatal()).isTrue();
    }

    @Test
    void shouldKeepTheRecordBytesAsTheSourceWroteThem() {
        String spaced = "{ \"eventID\" : \"s\", \"text\" : \"a \\\" ] } quote\" }";

        List<RecordItem> items = read(CloudTrailFiles.envelope(List.of(spaced, "[1]", "7")));

        assertThat(items.get(0)).isInstanceOfSatisfying(RecordItem.Good.class,
                good -> assertThat(new String(good.raw(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(spaced));
        assertThat(items.subList(1, 3)).allSatisfy(item -> assertThat(item).isInstanceOfSatisfying(RecordItem.Bad.class,
                bad -> assertThat(bad.reason()).isEqualTo("not a JSON object")));
    }

    @Test
    void shouldCutRecordsWithEscapesExactlyAcrossBufferBoundaries() {
        List<String> records = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        String[] pieces = {"a", "\\\"", "\\\\", "]", "}", "{", "[", ",", " ", "\u00e9", "\\u0041"};
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(400); j > 0; j--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            records.add("{\"eventID\":\"" + i + "\",\"t\":\"" + text + "\",\"n\":[{\"x\":\"\\\\\"}]}");
        }

        List<RecordItem> items = read(CloudTrailFiles.gzip(CloudTrailFiles.envelope(records)));

        assertThat(items).as("records of up to 4 KB, 64 KB buffers: many records span two").allSatisfy(item ->
                assertThat(item).isInstanceOf(RecordItem.Good.class));
        assertThat(items).extracting(item -> new String(((RecordItem.Good) item).raw(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(records);
    }

    @Test
    void shouldDeadLetterNonUtf8BytesInOneRecordAndReadTheNext() {
        byte[] object = concat(utf8("{\"Records\":[{\"eventID\":\"x"), new byte[] {(byte) 0xC3, (byte) 0x28},
                utf8("\"}," + B + "]}"));

        List<RecordItem> items = read(object);

        assertThat(eventIds(items)).containsExactly("b");
        // Was Jackson's own "Invalid UTF-8 start byte"; the reason is now RoleTrail's words.
        assertThat(((RecordItem.Bad) items.get(0)).reason()).startsWith("not valid UTF-8 at line 1, column ");
    }

    @Test
    void shouldRejectInputThatIsNotJsonAtAll() {
        assertThat(lastBad(read(utf8("PK\u0003\u0004 zip file"))).reason()).startsWith("not JSON");
        assertThat(read(utf8("   "))).isEmpty();
    }

    @Test
    void shouldReadTheRowsOfLakeQueryResultsWhateverComesBeforeThem() {
        String results = "{\n  \"QueryStatus\": \"FINISHED\",\n  \"ErrorMessage\": \"a [\\\"QueryResultRows\\\"] ]\",\n"
                + "  \"QueryStatistics\": {\"QueryResultRows\": 1, \"x\": [[]]},\n  \"QueryResultRows\": [\n"
                + "    [{\"eventID\": \"a\"}, {\"eventJson\": \"" + A.replace("\"", "\\\"") + "\"}],\n"
                + "    [{\"eventJson\": \"" + B.replace("\"", "\\\"") + "\"}]\n  ],\n  \"NextToken\": \"t\"\n}\n";

        List<RecordItem> items = read(utf8(results));

        assertThat(eventIds(items)).containsExactly("a", "b");
        assertThat(((RecordItem.Good) items.get(1)).raw()).as("the record as eventJson held it").isEqualTo(utf8(B));
    }

    @Test
    void shouldFollowAWrapperInsideAWrapperAndReadLakeRowsInAnArray() {
        String splunk = "{\"preview\":false,\"result\":{\"_raw\":\"" + A.replace("\"", "\\\"") + "\",\"host\":\"h\"}}";
        String row = "[{\"eventJson\":\"" + B.replace("\"", "\\\"") + "\"}]";

        assertThat(eventIds(read(utf8(splunk + "\n" + row + "\n")))).containsExactly("a", "b");
        assertThat(eventIds(read(utf8("[" + splunk + "," + row + "]")))).containsExactly("a", "b");
    }

    @Test
    void shouldDeadLetterAWrapperWithoutARecord() {
        List<RecordItem> items = read(utf8("{\"_source\":7}\n{\"event\":\"{\\\"a\\\":1} {}\"}\n"));

        assertThat(items).extracting(item -> ((RecordItem.Bad) item).reason()).containsExactly(
                "export field _source holds neither a record nor a JSON string",
                "export field event holds invalid JSON: more than one value");
    }

    private static List<RecordItem> read(byte[] bytes) {
        List<RecordItem> items = new ArrayList<>();
        try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(bytes), LIMITS)) {
            reader.forEachRemaining(items::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return items;
    }

    private static List<String> eventIds(List<RecordItem> items) {
        return items.stream().filter(RecordItem.Good.class::isInstance)
                .map(i -> ((RecordItem.Good) i).fields().eventId().asText()).toList();
    }

    private static RecordItem.Bad lastBad(List<RecordItem> items) {
        assertThat(items).isNotEmpty();
        assertThat(items.get(items.size() - 1)).isInstanceOf(RecordItem.Bad.class);
        return (RecordItem.Bad) items.get(items.size() - 1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
