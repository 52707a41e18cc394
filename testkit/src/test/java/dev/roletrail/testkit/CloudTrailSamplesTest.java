package dev.roletrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloudTrailSamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldListEveryStratusFileOfTheLabels() {
        assertThat(CloudTrailSamples.stratusFileNames())
            .hasSize(35)
            .allMatch(name -> name.startsWith("aws.") && name.endsWith(".json"))
            .contains("aws.persistence.iam-backdoor-user.json");
    }

    @ParameterizedTest
    @MethodSource("dev.roletrail.testkit.CloudTrailSamples#stratusFileNames")
    void shouldHoldAJsonArrayOfCloudTrailRecords(String fileName) throws IOException {
        JsonNode records = JSON.readTree(CloudTrailSamples.stratus(fileName));

        assertThat(records.isArray()).as("%s is a JSON array", fileName).isTrue();
        assertThat(records).isNotEmpty().allSatisfy(record -> assertThat(record.hasNonNull("eventName")).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {CloudTrailSamples.AWS_DOCS_IAM, CloudTrailSamples.AWS_DOCS_CLOUDTRAIL})
    void shouldGiveEachDocumentationExampleAsOneRecord(String jsonlName) throws IOException {
        List<String> events = CloudTrailSamples.awsDocsEvents(jsonlName);

        assertThat(events).isNotEmpty();
        for (String event : events) {
            JsonNode record = JSON.readTree(event);
            // Not eventName: Insights events carry it only inside insightDetails.
            assertThat(record.hasNonNull("eventVersion") && record.hasNonNull("eventTime"))
                .as("eventVersion and eventTime in %s", event).isTrue();
            assertThat(record.has("event")).as("the record itself, not its wrapper").isFalse();
        }
    }

    @Test
    void shouldKeepTheFieldOrderOfTheDocumentation() {
        assertThat(CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_IAM).get(0))
            .startsWith("{\"eventVersion\":\"1.05\",\"userIdentity\":{\"type\":\"IAMUser\"");
    }
}
