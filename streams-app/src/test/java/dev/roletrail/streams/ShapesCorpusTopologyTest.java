package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.RealShapes;

/**
 * Every record-shape fixture of {@code fixtures/corpus/} (one JSON array of CloudTrail records each, where its shape
 * is documented in the README there) through the whole production topology, each in a fresh topology with account
 * 111122223333 as the organisation. States exactly which detectors fire for each fixture (a fixture not listed must
 * raise nothing) and that no record of any fixture becomes a dead letter. Learning periods are in force.
 */
class ShapesCorpusTopologyTest {

    private static final String NETWORK_CHANGE = "session-credential-network-change";

    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("assume-role-refused-without-request.json", Set.of("assume-role-denied-burst")),
            Map.entry("root-console-create-access-key.json", Set.of("root-activity", "access-path-created")),
            Map.entry("ec2-issued-session-used-beside-user-key.json", Set.of(NETWORK_CHANGE)),
            Map.entry("lambda-issued-session-used-beside-user-key.json", Set.of(NETWORK_CHANGE)),
            Map.entry("ec2-issued-session-new-client.json", Set.of(NETWORK_CHANGE)),
            Map.entry("vpc-endpoint-session-leaves.json", Set.of(NETWORK_CHANGE)),
            Map.entry("ipv6-session-beside-user-key.json", Set.of(NETWORK_CHANGE)));

    @Test
    void shouldRaiseExactlyTheExpectedDetectorsForEveryFixture() throws Exception {
        Map<String, Set<String>> fired = new TreeMap<>();
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String file : RealShapes.fileNames()) {
            fired.put(file, detectors(run(file)));
            expected.put(file, new TreeSet<>(EXPECTED.getOrDefault(file, Set.of())));
        }

        assertThat(fired).isEqualTo(expected);
    }

    @Test
    void shouldTierRootActivityAndCountTheRootKeyAsANewPath() throws Exception {
        List<Alert> alerts = run("root-console-create-access-key.json");

        assertThat(alerts).extracting(Alert::detector, Alert::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("root-activity", Severity.MEDIUM),
                org.assertj.core.groups.Tuple.tuple("root-activity", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("access-path-created", Severity.CRITICAL));
    }

    @Test
    void shouldReportAFirstUseOfWorkloadCredentialsForTheRightReason() throws Exception {
        assertThat(run("ec2-issued-session-used-beside-user-key.json")).singleElement().satisfies(a -> {
            assertThat(a.origin()).as("the issuance was observed").isEqualTo("service:ec2.amazonaws.com");
            assertThat(a.unusual()).contains("where arn:aws:iam::111122223333:user/carol's long-term key");
        });
        assertThat(run("lambda-issued-session-used-beside-user-key.json")).singleElement()
                .satisfies(a -> assertThat(a.baseline()).startsWith("lambda.amazonaws.com-issued credentials"));
        assertThat(run("ec2-issued-session-new-client.json")).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.unusual()).isEqualTo("used with aws-cli from 192.0.2.0/24");
        });
    }

    @Test
    void shouldCountRefusedCallsWithoutRequestParametersByTheRoleInTheMessage() throws Exception {
        assertThat(run("assume-role-refused-without-request.json")).singleElement().satisfies(a -> {
            assertThat(a.unusual()).as("five distinct roles, one of them unknown, before the tenth refusal")
                    .contains("6 refused AssumeRole* calls and 5 distinct roles", "arn:aws:iam::111122223333:role/Admin",
                            "unknown-role");
        });
    }

    private static List<Alert> run(String file) throws Exception {
        try (TopologyFixture topology = new TopologyFixture(Map.of("org.accounts", "111122223333"))) {
            List<JsonNode> records = new ArrayList<>();
            Json.mapper().readTree(RealShapes.read(file)).forEach(records::add);
            records.sort(Comparator.comparing(record -> record.path("eventTime").asText()));
            records.forEach(record -> topology.sendJson(record.toString()));
            Instant last = Instant.parse(records.get(records.size() - 1).get("eventTime").asText());
            // An unrelated later call moves stream time on, past holds and suppression windows.
            topology.send(CloudTrailEvent.byUser("arn:aws:iam::123456789012:user/clock").at(last.plusSeconds(86_400)));
            assertThat(topology.deadLetters()).as(file + " dead letters").isEmpty();
            return topology.alerts();
        }
    }

    private static Set<String> detectors(List<Alert> alerts) {
        Set<String> ids = new TreeSet<>();
        alerts.stream().map(Alert::detector).forEach(ids::add);
        return ids;
    }
}
