package dev.roletrail.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Reasons;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

/** Reading the checked fields token by token finds what the record's tree holds, and fails where the tree fails. */
class RecordFieldsTest {

    static Stream<String> valid() {
        return Stream.concat(CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_IAM).stream(), Stream.of(
                "{}", "[]", "[[1],{\"a\":[{}]}]", "7", "\"text\"", "null",
                "{\"eventID\":\"a\",\"eventID\":\"b\",\"nested\":{\"eventID\":\"c\",\"x\":[[[]]]}}",
                "{\"eventID\":null,\"eventTime\":{\"deep\":[1,{\"y\":2}]},\"eventName\":[\"n\"]}",
                "{\"userIdentity\":7,\"userIdentity\":{\"type\":\"Root\"},\"recipientAccountId\":111122223333}",
                "{\"@timestamp\":\"2022-09-27T17:09:18.000Z\",\"eventCategory\":\"Data\",\"_source\":{\"a\":[1]}}",
                "{\"a\":\"\\\" ] } \\u00e9 \\\\\",\"eventName\":\"\u00e9\"}",
                CloudTrailEvent.byRoleSession("arn:aws:iam::111122223333:role/Deploy", "ci").json()));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void shouldFindWhatTheTreeHolds(String json) throws Exception {
        JsonNode tree = Json.mapper().readTree(json);

        RecordFields fields = fields(json);

        assertThat(fields.object()).isEqualTo(tree.isObject());
        assertThat(fields.depth()).as(json).isEqualTo(depth(tree));
        if (tree.isObject()) {
            assertThat(fields.eventId()).isEqualTo(tree.get("eventID"));
            assertThat(fields.eventTime()).isEqualTo(tree.get("eventTime"));
            assertThat(fields.eventName()).isEqualTo(tree.get("eventName"));
            assertThat(fields.userIdentity()).isEqualTo(tree.get("userIdentity"));
            assertThat(fields.recipientAccountId()).isEqualTo(tree.get("recipientAccountId"));
            assertThat(fields.timestamp()).isEqualTo(tree.get("@timestamp"));
            assertThat(fields.eventCategory()).isEqualTo(tree.get("eventCategory"));
        }
    }

    @Test
    void shouldFindTheWrapperOfHighestPrecedenceOnlyInValuesThatAreNoRecord() {
        RecordFields splunk = fields("{\"event\":{\"eventID\":\"a\"},\"result\":{\"_raw\":\"{}\"},\"x\":1}");
        RecordFields record = fields("{\"eventID\":\"a\",\"event\":{\"eventID\":\"b\"}}");
        RecordFields lakeRow = fields("{\"eventID\":\"a\",\"eventJson\":\"{}\"}");

        assertThat(splunk.wrapper()).isEqualTo(new RecordFields.Wrapper("result", Json.mapper().createObjectNode()
                .put("_raw", "{}")));
        assertThat(splunk.wrapped()).isTrue();
        assertThat(record.wrapped()).as("a record with a field named event is a record").isFalse();
        assertThat(lakeRow.wrapped()).as("eventJson is only ever a Lake column").isTrue();
        assertThat(fields(CloudTrailSamples.stratus("aws.persistence.iam-backdoor-user.json")
                .substring(1).replaceFirst("]\\s*$", "")).wrapper()).as("CloudTrail writes no wrapper").isNull();
    }

    @Test
    void shouldCountTheDepthOfEveryValueAsWrittenEvenAReplacedDuplicate() {
        RecordFields fields = fields("{\"eventTime\":{\"a\":[]},\"eventTime\":7}");

        assertThat(fields.depth()).as("as the envelope's splitter counts it").isEqualTo(3);
        assertThat(fields.eventTime().intValue()).isEqualTo(7);
    }

    static Stream<String> invalid() {
        return Stream.of("{\"eventID\": oops}", "{\"a\":[1,2}", "{\"a\":\"unterminated}", "{\"a\":1,}",
                "{\"a\":\"ctrl\u0001char\"}", "{\"a\":\"bad \\q escape\"}", "{\"userIdentity\":{\"type\":tru}}",
                "{\"eventTime\":\"2026\" \"x\"}", "{\"a\":01}", "{\"a\":" + "9".repeat(1001) + "}", "{\"a\"",
                "[1 2]", "{\"a\":NaN}");
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void shouldFailWithTheTreesReason(String json) {
        String treeReason = reason(() -> Json.mapper().readTree(json));

        assertThat(treeReason).as("the tree refuses it").isNotNull();
        assertThat(reason(() -> fields(json))).isEqualTo(treeReason);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void shouldFailWithTheTreesReasonOnBytesToo(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String treeReason = reason(() -> Json.mapper().readTree(bytes));

        assertThat(reason(() -> fields(bytes))).isEqualTo(treeReason);
    }

    @Test
    void shouldRefuseOverlongStringsLikeTheTreeWhenAskedTo() throws Exception {
        String tooLong = "{\"eventID\":\"x\",\"big\":[\"" + "y".repeat(
                Json.mapper().getFactory().streamReadConstraints().getMaxStringLength() + 1) + "\"]}";

        assertThatThrownBy(() -> Json.mapper().readTree(tooLong)).isInstanceOf(JsonProcessingException.class);
        try (JsonParser parser = Json.mapper().getFactory().createParser(tooLong)) {
            assertThatThrownBy(() -> RecordFields.read(parser, true)).isInstanceOf(JsonProcessingException.class);
        }
    }

    private static RecordFields fields(String json) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            return RecordFields.read(parser, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RecordFields fields(byte[] json) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            return RecordFields.read(parser, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reason a dead letter would give for what {@code read} throws, or null when it does not throw. */
    private static String reason(ThrowingRead read) {
        try {
            read.run();
            return null;
        } catch (UncheckedIOException e) {
            return Reasons.oneLine(e.getCause());
        } catch (IOException e) {
            return Reasons.oneLine(e);
        }
    }

    private interface ThrowingRead {
        void run() throws IOException;
    }

    private static int depth(JsonNode node) {
        if (!node.isContainerNode()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return 1 + deepest;
    }
}
