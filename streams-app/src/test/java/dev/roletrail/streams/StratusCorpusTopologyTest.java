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
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

/**
 * Every real Stratus Red Team detonation through the whole production topology, each in a fresh topology with the
 * file's own account as the organisation (the source randomises accounts per file). States exactly which detectors
 * fire for each file; a file not listed must raise nothing. Learning periods are in force, as in production: a
 * detonation covers minutes, so "first time" and baseline detectors stay quiet and the rest must carry it.
 */
class StratusCorpusTopologyTest {

    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("aws.credential-access.ec2-steal-instance-credentials.json",
                    Set.of("session-credential-network-change")),
            Map.entry("aws.initial-access.console-login-without-mfa.json",
                    Set.of("sensitive-role-assumed-without-mfa")),
            Map.entry("aws.persistence.iam-backdoor-role.json", Set.of("access-path-created")),
            Map.entry("aws.persistence.iam-backdoor-user.json", Set.of("access-path-created")),
            Map.entry("aws.persistence.iam-create-admin-user.json", Set.of("access-path-created")),
            Map.entry("aws.persistence.iam-create-backdoor-role.json", Set.of("access-path-created")),
            Map.entry("aws.persistence.iam-create-user-login-profile.json", Set.of("access-path-created")),
            Map.entry("aws.privilege-escalation.iam-update-user-login-profile.json", Set.of("access-path-created")));

    @Test
    void shouldRaiseExactlyTheExpectedDetectorsForEveryDetonation() throws Exception {
        Map<String, Set<String>> fired = new TreeMap<>();
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String file : CloudTrailSamples.stratusFileNames()) {
            fired.put(file, detectorsFiredBy(file));
            expected.put(file, new TreeSet<>(EXPECTED.getOrDefault(file, Set.of())));
        }

        assertThat(fired).isEqualTo(expected);
    }

    @Test
    void shouldReportStolenInstanceCredentialsBecauseTheyActBesideTheAttackersKey() throws Exception {
        // The detonation holds no issuing AssumeRole: the session is known by its instance-id name only, and its
        // first use comes from the /24 where the operator's long-term key just ran SendCommand.
        assertThat(alertsOf("aws.credential-access.ec2-steal-instance-credentials.json")).singleElement()
                .satisfies(alert -> {
                    assertThat(alert.detector()).isEqualTo("session-credential-network-change");
                    assertThat(alert.unusual()).contains("18.236.253.0/24",
                            "arn:aws:iam::017622104382:user/christophe's long-term key AKIAAM80VXLJF8NPK4VC");
                });
    }

    private static Set<String> detectorsFiredBy(String file) throws Exception {
        Set<String> detectors = new TreeSet<>();
        alertsOf(file).stream().map(Alert::detector).forEach(detectors::add);
        return detectors;
    }

    private static List<Alert> alertsOf(String file) throws Exception {
        try (TopologyFixture topology = new TopologyFixture(
                Map.of("org.accounts", StratusObservations.account(file)))) {
            List<JsonNode> records = new ArrayList<>();
            Json.mapper().readTree(CloudTrailSamples.stratus(file)).forEach(records::add);
            records.sort(Comparator.comparing(record -> record.path("eventTime").asText()));
            records.forEach(record -> topology.sendJson(record.toString()));
            Instant last = Instant.parse(records.get(records.size() - 1).get("eventTime").asText());
            // An unrelated later call moves stream time on, past holds and suppression windows.
            topology.send(CloudTrailEvent.byUser("arn:aws:iam::123456789012:user/clock").at(last.plusSeconds(86_400)));
            return topology.alerts();
        }
    }
}
