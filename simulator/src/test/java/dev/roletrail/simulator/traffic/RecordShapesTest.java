package dev.roletrail.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;

import dev.roletrail.schemas.Json;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.TestDatasets;
import dev.roletrail.simulator.label.Label;
import dev.roletrail.simulator.label.LabelsFile;

/** The simulator writes the record shapes real CloudTrail has (issue 19), in benign traffic and in the attacks. */
class RecordShapesTest {

    private static final Pattern REFUSAL = Pattern.compile("User: arn:aws:(iam|sts)::\\d{12}:\\S+ is not authorized to "
            + "perform: sts:AssumeRole on resource: arn:aws:iam::\\d{12}:role/\\S+"
            + "( because no identity-based policy allows the sts:AssumeRole action)?");
    private static final Pattern EXPIRATION = Pattern.compile(
            "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}:\\d{2} (AM|PM)");
    private static final String NO_POLICY = "because no identity-based policy allows";

    private static List<JsonNode> records;
    private static List<Label> labels;

    @BeforeAll
    static void simulate() throws Exception {
        TestDatasets.Dataset dataset = TestDatasets.simulate(SimulationSpec.small(7));
        labels = LabelsFile.fromJson(dataset.sink().objects.get(Simulator.LABELS)).labels();
        records = new ArrayList<>();
        try (MappingIterator<JsonNode> envelopes = Json.mapper().readerFor(JsonNode.class)
                .readValues(dataset.traffic())) {
            while (envelopes.hasNext()) {
                envelopes.next().path("Records").forEach(records::add);
            }
        }
    }

    /** As in every STS record of shared/data: "Jul 18, 2014, 4:07:39 PM", in UTC, never ISO-8601. */
    @Test
    void shouldWriteCredentialExpirationsAsCloudTrailDoes() {
        List<JsonNode> issued = records.stream()
                .filter(r -> r.path("responseElements").path("credentials").has("expiration")).toList();

        assertThat(issued).isNotEmpty().allSatisfy(r -> assertThat(
                r.path("responseElements").path("credentials").path("expiration").asText())
                .matches(EXPIRATION));
        assertThat(issued).as("GetSessionToken too (the long-session attack)")
                .anyMatch(r -> r.path("eventName").asText().equals("GetSessionToken"));
    }

    @Test
    void shouldLogRefusedAssumptionsWithoutARequestAndTheRoleInTheMessage() {
        List<JsonNode> refused = records.stream().filter(r -> r.has("errorCode")).toList();

        assertThat(refused).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path("eventName").asText()).isEqualTo("AssumeRole");
            assertThat(r.path("errorCode").asText()).isEqualTo("AccessDenied");
            assertThat(r.path("errorMessage").asText()).matches(REFUSAL)
                    .startsWith("User: " + r.path("userIdentity").path("arn").asText() + " ");
            assertThat(r.path("requestParameters").isNull()).as("requestParameters: null").isTrue();
            assertThat(r.path("responseElements").isNull()).as("responseElements: null").isTrue();
            assertThat(fieldNames(r)).as("error fields where CloudTrail writes them")
                    .containsSubsequence("userAgent", "errorCode", "errorMessage", "requestParameters");
        });
        assertThat(refused).as("both wordings").anyMatch(r -> r.path("errorMessage").asText().contains(NO_POLICY))
                .anyMatch(r -> !r.path("errorMessage").asText().contains(NO_POLICY));
    }

    @Test
    void shouldRefuseTheRoleEnumerationAndNowAndThenABenignPerson() {
        Label enumeration = label("role-enumeration");
        List<JsonNode> refused = records.stream().filter(r -> r.has("errorCode")).toList();

        assertThat(refused.stream().filter(r -> within(enumeration, r))).hasSize(12);
        assertThat(refused.stream().filter(r -> !within(enumeration, r)))
                .as("a benign person refused once in a while").isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("userIdentity").path("arn").asText())
                        .isNotIn(enumeration.entities()));
    }

    @Test
    void shouldLogConsoleActionsAsInvokedBySigninWithThePersonAsCaller() {
        List<JsonNode> console = records.stream()
                .filter(r -> r.path("userIdentity").path("invokedBy").asText().equals("signin.amazonaws.com"))
                .toList();

        assertThat(console).as("benign console users act in the console")
                .anyMatch(r -> r.path("userIdentity").path("type").asText().equals("IAMUser"))
                .allSatisfy(r -> {
                    JsonNode identity = r.path("userIdentity");
                    assertThat(identity.path("type").asText()).isIn("IAMUser", "Root");
                    assertThat(identity.path("arn").asText()).startsWith("arn:aws:iam::");
                    assertThat(identity.path("accessKeyId").asText()).startsWith("ASIA");
                    assertThat(identity.path("sessionContext").path("attributes").path("mfaAuthenticated").asText())
                            .isIn("true", "false");
                    assertThat(r.path("sourceIPAddress").asText()).as("the person's address").matches("[0-9.]+");
                    assertThat(r.path("userAgent").asText()).matches("Mozilla/5\\.0 .*|AWS Internal");
                    assertThat(r.path("eventType").asText()).isEqualTo("AwsApiCall");
                });
        assertThat(console).as("root creates an access key in the console").anyMatch(r ->
                r.path("userIdentity").path("type").asText().equals("Root")
                        && r.path("eventName").asText().equals("CreateAccessKey")
                        && r.path("responseElements").path("accessKey").path("accessKeyId").asText().startsWith("AKIA"));
    }

    @Test
    void shouldUseStolenInstanceCredentialsFirstWhereAPersonsKeyActs() {
        for (String id : List.of("instance-credentials-stolen-before-use",
                "instance-credentials-stolen-before-use-issuance-unseen")) {
            Label label = label(id);
            String key = label.entities().stream().filter(e -> e.startsWith("ASIA")).findFirst().orElseThrow();
            List<JsonNode> uses = records.stream()
                    .filter(r -> r.path("userIdentity").path("accessKeyId").asText().equals(key))
                    .sorted(Comparator.comparing(RecordShapesTest::time)).toList();
            JsonNode first = uses.get(0);

            assertThat(first.path("userIdentity").path("sessionContext").path("ec2RoleDelivery").asText())
                    .as(id + ": an instance-role session").isNotEmpty();
            assertThat(records).as(id + ": a person's long-term key acts on the first use's network within the hour")
                    .anyMatch(r -> r.path("userIdentity").path("accessKeyId").asText().startsWith("AKIA")
                            && network(r).equals(network(first))
                            && Duration.between(time(r), time(first)).abs().compareTo(Duration.ofHours(1)) <= 0);
            assertThat(uses).as(id + ": the instance uses it only after the theft")
                    .anyMatch(r -> r.path("sourceIPAddress").asText().startsWith("10."));
            assertThat(records.stream().anyMatch(r -> isIssuance(r, key))).as(id + ": EC2's AssumeRole in the trail")
                    .isEqualTo(!id.endsWith("issuance-unseen"));
        }
    }

    private static boolean isIssuance(JsonNode record, String key) {
        return record.path("responseElements").path("credentials").path("accessKeyId").asText().equals(key)
                && record.path("userIdentity").path("type").asText().equals("AWSService")
                && record.path("userIdentity").path("invokedBy").asText().equals("ec2.amazonaws.com");
    }

    private static Label label(String scenario) {
        return labels.stream().filter(l -> l.scenario().equals(scenario)).findFirst().orElseThrow();
    }

    private static boolean within(Label label, JsonNode record) {
        Instant t = time(record);
        return !t.isBefore(label.from()) && !t.isAfter(label.to());
    }

    private static Instant time(JsonNode record) {
        return Instant.parse(record.path("eventTime").asText());
    }

    private static String network(JsonNode record) {
        String ip = record.path("sourceIPAddress").asText();
        return ip.substring(0, ip.lastIndexOf('.'));
    }

    private static List<String> fieldNames(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
