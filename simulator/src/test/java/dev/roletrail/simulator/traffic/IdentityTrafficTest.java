package dev.roletrail.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.OrganizationBuilder;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.org.UserDirectory;

/**
 * The identity inventory's material (issue 22): owner tags in IAM's shape, the workload's long-term key, a person's
 * key shared with a cron job, and a service-linked role acting as AWS logs it.
 */
class IdentityTrafficTest {

    private static final SimulationSpec SPEC = SimulationSpec.small(7);
    private static Organization org;
    private static List<JsonNode> records;
    private static List<JsonNode> inventories;
    private static List<Label> attacks;

    @BeforeAll
    static void simulate() throws Exception {
        TestDatasets.Dataset dataset = TestDatasets.simulate(SPEC);
        org = Simulator.organization(SPEC);
        attacks = LabelsFile.fromJson(dataset.sink().objects.get(Simulator.LABELS)).labels().stream()
                .filter(l -> !l.detectors().isEmpty()).toList();
        records = new ArrayList<>();
        try (MappingIterator<JsonNode> envelopes = Json.mapper().readerFor(JsonNode.class)
                .readValues(dataset.traffic())) {
            while (envelopes.hasNext()) {
                envelopes.next().path("Records").forEach(records::add);
            }
        }
        inventories = new ArrayList<>();
        for (String key : dataset.sink().objects.keySet()) {
            if (key.endsWith("authorization-details.json")) {
                inventories.add(Json.mapper().readTree(dataset.sink().objects.get(key)));
            }
        }
    }

    @Test
    void shouldWriteOwnerTagsAsIamListsThem() {
        JsonNode batch = entry("UserDetailList", "UserName", OrganizationBuilder.BATCH_USER);
        JsonNode sync = entry("UserDetailList", "UserName", OrganizationBuilder.DORMANT_USER);
        JsonNode batchRole = entry("RoleDetailList", "RoleName", OrganizationBuilder.BATCH_ROLE);

        assertThat(batch.path("Tags").toString()).isEqualTo("[{\"Key\":\"team\",\"Value\":\"data-platform\"}]");
        assertThat(sync.path("Tags").toString())
                .isEqualTo("[{\"Key\":\"owner\",\"Value\":\"" + UserDirectory.DEPARTED_OWNER + "\"}]");
        assertThat(batchRole.path("Tags").toString())
                .isEqualTo("[{\"Key\":\"owner\",\"Value\":\"" + OrganizationBuilder.INACTIVE_USER + "\"}]");
        assertThat(entry("UserDetailList", "UserName", OrganizationBuilder.SHARED_KEY_USER).has("Tags"))
                .as("no Tags field without tags, as IAM writes it").isFalse();
    }

    @Test
    void shouldListTheServiceLinkedRoleWithItsPathAndServiceTrust() {
        JsonNode role = entry("RoleDetailList", "RoleName", OrganizationBuilder.AUTOSCALING_ROLE);

        assertThat(role.path("Path").asText()).isEqualTo("/aws-service-role/autoscaling.amazonaws.com/");
        assertThat(role.path("Arn").asText()).endsWith(
                ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
        assertThat(role.path("AssumeRolePolicyDocument").path("Statement").get(0).path("Principal")
                .path("Service").asText()).isEqualTo("autoscaling.amazonaws.com");
    }

    @Test
    void shouldLogTheServiceLinkedRolesCallsAsTheServiceMakesThem() {
        List<JsonNode> calls = records.stream()
                .filter(r -> r.path("userIdentity").path("arn").asText().contains("assumed-role/AWSServiceRoleFor"))
                .toList();

        assertThat(calls).isNotEmpty().allSatisfy(r -> {
            JsonNode identity = r.path("userIdentity");
            assertThat(identity.path("type").asText()).isEqualTo("AssumedRole");
            assertThat(identity.path("arn").asText())
                    .endsWith(":assumed-role/AWSServiceRoleForAutoScaling/AutoScaling");
            assertThat(identity.path("accessKeyId").asText()).startsWith("ASIA");
            assertThat(identity.path("sessionContext").path("sessionIssuer").path("arn").asText())
                    .endsWith(":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
            assertThat(identity.path("sessionContext").path("sessionIssuer").path("userName").asText())
                    .isEqualTo("AWSServiceRoleForAutoScaling");
            assertThat(identity.path("invokedBy").asText()).isEqualTo("autoscaling.amazonaws.com");
            assertThat(r.path("sourceIPAddress").asText()).isEqualTo("autoscaling.amazonaws.com");
            assertThat(r.path("userAgent").asText()).isEqualTo("autoscaling.amazonaws.com");
        });
        assertThat(records.stream().filter(r -> r.path("eventName").asText().equals("AssumeRole")
                && r.path("requestParameters").path("roleArn").asText().contains("/aws-service-role/")))
                .as("the service's AssumeRole of its role").isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("userIdentity").path("type").asText()).isEqualTo("AWSService"));
    }

    @Test
    void shouldCallWithTheWorkloadsKeyAroundTheClockWithAnSdkFromAnAwsNetwork() {
        SimUser batch = org.user(OrganizationBuilder.BATCH_USER);
        List<JsonNode> calls = withKey(batch.accessKeyId());

        assertThat(calls).isNotEmpty();
        assertThat(calls.stream().map(r -> r.path("userAgent").asText()).distinct())
                .allSatisfy(agent -> assertThat(agent).startsWith("aws-sdk-java/"));
        assertThat(calls.stream().map(r -> r.path("sourceIPAddress").asText()).distinct())
                .allSatisfy(ip -> assertThat(ip).matches("(3|34|52|54)\\..*"));
        assertThat(hours(calls)).as("every hour of the day").hasSize(24);
        assertThat(days(calls)).as("weekends too").contains(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }

    @Test
    void shouldShareAPersonsKeyWithANightlyCronJob() {
        SimUser person = org.user(OrganizationBuilder.SHARED_KEY_USER);
        List<JsonNode> calls = withKey(person.accessKeyId());
        List<JsonNode> cron = calls.stream().filter(r -> r.path("userAgent").asText().startsWith("Boto3/")).toList();
        List<JsonNode> interactive = calls.stream().filter(r -> !cron.contains(r)).toList();

        assertThat(cron).isNotEmpty();
        assertThat(hours(cron)).as("a fixed hour").containsExactly(Workloads.CRON_HOUR);
        assertThat(days(cron)).as("every day").hasSize(7);
        assertThat(cron.stream().map(r -> r.path("sourceIPAddress").asText()).distinct())
                .as("one cloud server").hasSize(1).allSatisfy(ip -> assertThat(ip).matches("(3|34|52|54)\\..*"));
        assertThat(interactive).isNotEmpty().allSatisfy(r ->
                assertThat(r.path("userAgent").asText()).startsWith("aws-cli/"));
        assertThat(hours(interactive)).as("office hours").allSatisfy(h -> assertThat(h).isBetween(7, 20));
        assertThat(records.stream().filter(r -> r.path("eventName").asText().equals("ConsoleLogin")
                && r.path("userIdentity").path("userName").asText().equals(person.name()))).isNotEmpty();
    }

    /** The benign calls with a key: none refused, none while an attack (which may steal it) goes on. */
    private static List<JsonNode> withKey(String key) {
        return records.stream().filter(r -> r.path("userIdentity").path("accessKeyId").asText().equals(key))
                .filter(r -> !r.has("errorCode")).filter(r -> {
                    Instant t = Instant.parse(r.path("eventTime").asText());
                    return attacks.stream().noneMatch(l -> !t.isBefore(l.from()) && !t.isAfter(l.to()));
                }).toList();
    }

    private static Set<Integer> hours(List<JsonNode> calls) {
        return calls.stream().map(r -> Instant.parse(r.path("eventTime").asText()).atZone(ZoneOffset.UTC).getHour())
                .collect(Collectors.toSet());
    }

    private static Set<DayOfWeek> days(List<JsonNode> calls) {
        return calls.stream().map(r -> Instant.parse(r.path("eventTime").asText()).atZone(ZoneOffset.UTC)
                .getDayOfWeek()).collect(Collectors.toSet());
    }

    private static JsonNode entry(String list, String nameField, String name) {
        return inventories.stream().flatMap(i -> stream(i.path(list)))
                .filter(e -> e.path(nameField).asText().equals(name)).findFirst().orElseThrow();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
