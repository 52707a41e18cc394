package dev.roletrail.streams;

import static dev.roletrail.streams.unused.InventoryFixtures.role;
import static dev.roletrail.streams.unused.InventoryFixtures.trusting;
import static dev.roletrail.streams.unused.InventoryFixtures.user;
import static dev.roletrail.streams.unused.InventoryFixtures.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.streams.identity.HeldEvents;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

/**
 * Nothing waits for later traffic: when the input ends (idle, or the explicit end of input of a one-off analysis),
 * held calls go on and the findings cover the last day, with no record behind them to move stream time.
 */
class EndOfInputTopologyTest {

    private static final String STOLEN_KEY = "ASIAP5CT9NN8EYVU1FXV";
    private static final String NETWORK_CHANGE = "session-credential-network-change";

    private TopologyFixture topology;

    @AfterEach
    void close() {
        topology.close();
    }

    @Test
    void shouldRaiseStolenInstanceCredentialsOnceTheTaskIsIdleWithNoLaterRecord() throws Exception {
        topology = new TopologyFixture(Map.of());
        sendStratusDetonationEndingWithTheStolenKeysUse();

        advanceWallClock(Duration.ofSeconds(119));
        assertThat(topology.alerts(NETWORK_CHANGE)).as("held: its session might still come").isEmpty();
        advanceWallClock(Duration.ofSeconds(1));

        assertThat(topology.alerts(NETWORK_CHANGE)).singleElement().satisfies(alert -> {
            assertThat(alert.accessKeyId()).isEqualTo(STOLEN_KEY);
            assertThat(alert.unusual()).contains("user/christophe", "long-term key");
        });
        assertThat(heldStore().get(STOLEN_KEY)).as("marked released, so later calls do not wait again")
                .satisfies(marker -> assertThat(marker.released()).isTrue());
    }

    @Test
    void shouldCountTheIdleTimeFromTheTasksLastRecord() throws Exception {
        topology = new TopologyFixture(Map.of());
        sendStratusDetonationEndingWithTheStolenKeysUse();
        advanceWallClock(Duration.ofSeconds(90));
        topology.send(CloudTrailEvent.byUser(userArn("alice")).at(Instant.parse("2024-08-02T08:24:00Z")));

        advanceWallClock(Duration.ofSeconds(90));
        assertThat(topology.alerts(NETWORK_CHANGE)).as("a record came 90 s ago: the input goes on").isEmpty();
        advanceWallClock(Duration.ofSeconds(30));

        assertThat(topology.alerts(NETWORK_CHANGE)).singleElement()
                .satisfies(alert -> assertThat(alert.accessKeyId()).isEqualTo(STOLEN_KEY));
    }

    @Test
    void shouldRaiseStolenInstanceCredentialsAtOnceAtTheEndOfInputDespiteTheWallClockMinimum() throws Exception {
        topology = new TopologyFixture(Map.of("streams.lineage-hold-wall", "60s", "streams.lineage-idle-release", "0s"));
        sendStratusDetonationEndingWithTheStolenKeysUse();
        advanceWallClock(Duration.ofSeconds(5));
        assertThat(topology.alerts(NETWORK_CHANGE)).as("held until the input is known to have ended").isEmpty();

        topology.endOfInput();
        advanceWallClock(Duration.ofSeconds(1));

        assertThat(topology.alerts(NETWORK_CHANGE)).singleElement()
                .satisfies(alert -> assertThat(alert.accessKeyId()).isEqualTo(STOLEN_KEY));
    }

    @Test
    void shouldKeepHoldingWhenIdleReleaseIsOffAndNoEndOfInputCame() throws Exception {
        topology = new TopologyFixture(Map.of("streams.lineage-idle-release", "0s"));
        sendStratusDetonationEndingWithTheStolenKeysUse();

        advanceWallClock(Duration.ofMinutes(10));

        assertThat(topology.alerts(NETWORK_CHANGE)).isEmpty();
        assertThat(HeldEvents.count(heldStore())).as("the stolen key's two calls").isEqualTo(2);
    }

    @Test
    void shouldCountOnlyEventsStillHeld() throws Exception {
        topology = new TopologyFixture(Map.of("streams.lineage-idle-release", "0s"));
        topology.send(CloudTrailEvent.byRoleSession("arn:aws:iam::111122223333:role/Old", "old")
                .withAccessKey("ASIAOLDSESSION000001").call("s3.amazonaws.com", "ListBuckets")
                .at(Instant.parse("2026-10-01T09:00:00Z")));
        sendStratusDetonationEndingWithTheStolenKeysUse();
        assertThat(HeldEvents.count(heldStore())).isEqualTo(3);

        topology.endOfInput();
        advanceWallClock(Duration.ofSeconds(1));

        assertThat(HeldEvents.count(heldStore())).as("released markers hold nothing").isZero();
        assertThat(List.of(heldStore().get("ASIAOLDSESSION000001"), heldStore().get(STOLEN_KEY)))
                .allSatisfy(marker -> assertThat(marker.released()).isTrue());
    }

    @Test
    void shouldEvaluateFindingsThroughTheLastDayAtTheEndOfInput() {
        Instant day0 = Instant.parse("2026-10-01T09:00:00Z");
        String alice = userArn("alice");
        String legacy = "arn:aws:iam::111122223333:role/Legacy";
        topology = new TopologyFixture(Map.of("findings.tracking-period", "7d"), Instant.parse("2027-06-01T00:00:00Z"));
        topology.sendInventory(user("alice", Instant.parse("2025-01-01T00:00:00Z"), List.of(), List.of()));
        topology.sendInventory(role("Legacy", Instant.parse("2025-01-01T00:00:00Z"), trusting(alice), null, null));
        for (int d = 0; d <= 8; d++) {
            topology.send(CloudTrailEvent.byUser(alice).call("s3.amazonaws.com", "ListBuckets")
                    .at(day0.plus(Duration.ofDays(d))));
        }
        assertThat(unusedRoles()).extracting(Finding::status).containsExactly(FindingStatus.OPEN);
        // The last record: the role used again on day 9, its call held for a session never seen.
        topology.send(CloudTrailEvent.byRoleSession(legacy, "back").call("ec2.amazonaws.com", "DescribeInstances")
                .at(day0.plus(Duration.ofDays(9))));

        topology.endOfInput();
        advanceWallClock(Duration.ofSeconds(3));

        assertThat(unusedRoles()).as("evaluated through the end of the data, day 9 included").singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FindingStatus.RESOLVED);
                    assertThat(f.periodEnd()).isEqualTo(Instant.parse("2026-10-11T00:00:00Z"));
                });
    }

    @Test
    void shouldSayTheFindingsSettledOnlyOnceTheLastPassIsOver() {
        Instant day0 = Instant.parse("2026-10-01T09:00:00Z");
        String alice = userArn("alice");
        // A chunk of one entity: the pass at the end takes a punctuation per entity, after its watermark was consumed.
        topology = new TopologyFixture(Map.of("findings.tracking-period", "7d", "findings.evaluation-chunk", "1"),
                Instant.parse("2027-06-01T00:00:00Z"));
        topology.sendInventory(user("alice", Instant.parse("2025-01-01T00:00:00Z"), List.of(), List.of()));
        for (String name : List.of("Legacy", "Batch", "Audit")) {
            topology.sendInventory(role(name, Instant.parse("2025-01-01T00:00:00Z"), trusting(alice), null, null));
        }
        for (int d = 0; d <= 8; d++) {
            topology.send(CloudTrailEvent.byUser(alice).call("s3.amazonaws.com", "ListBuckets")
                    .at(day0.plus(Duration.ofDays(d))));
        }
        // The last record: Legacy used again on day 9, its call held for a session never seen.
        topology.send(CloudTrailEvent.byRoleSession("arn:aws:iam::111122223333:role/Legacy", "back")
                .call("ec2.amazonaws.com", "DescribeInstances").at(day0.plus(Duration.ofDays(9))));
        assertThat(topology.settled()).as("the input has not ended").isFalse();

        topology.endOfInput();
        assertThat(topology.settled()).as("the day's latest uses not sent yet").isFalse();
        // The held call goes on, its use and the latest uses go with a watermark, and the last pass starts.
        topology.driver().advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(topology.settled()).as("the last pass in progress, its watermark consumed").isFalse();
        for (int step = 0; step < 100 && !topology.settled(); step++) {
            topology.driver().advanceWallClockTime(Duration.ofMillis(100)); // the chunk punctuation
        }

        assertThat(topology.settled()).isTrue();
        assertThat(unusedRoles()).as("the last pass's findings: Legacy used on the last day").filteredOn(
                f -> f.entity().endsWith("/Legacy")).last().satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FindingStatus.RESOLVED);
                    assertThat(f.periodEnd()).isEqualTo(Instant.parse("2026-10-11T00:00:00Z"));
                });
    }

    @Test
    void shouldReportTheRepeatsOfAWindowStillOpenAtTheEndOfInputOnce() {
        topology = new TopologyFixture(Map.of());
        Instant t0 = Instant.parse("2026-10-01T09:00:00Z");
        String org = "111122223333";
        topology.send(CloudTrailEvent.byRoot(org).call("iam.amazonaws.com", "ListUsers").at(t0));
        topology.send(CloudTrailEvent.byRoot(org).call("iam.amazonaws.com", "ListRoles").at(t0.plusSeconds(600)));
        topology.send(CloudTrailEvent.byRoot(org).call("iam.amazonaws.com", "ListPolicies").at(t0.plusSeconds(3600)));
        Alert first = topology.alerts("root-activity").get(0);

        topology.endOfInput();
        advanceWallClock(Duration.ofSeconds(2));

        assertThat(topology.alerts("root-activity")).as("no later event will close the window").singleElement()
                .satisfies(summary -> {
                    assertThat(summary.id()).isEqualTo(first.id());
                    assertThat(summary.count()).isEqualTo(3);
                });
        topology.send(CloudTrailEvent.byUser(userArn("alice")).at(t0.plus(Duration.ofHours(25))));
        assertThat(topology.alerts("root-activity")).as("closing the window adds nothing new").isEmpty();
    }

    /** Its last two records are the instance role's key used where christophe's long-term key acts. */
    private void sendStratusDetonationEndingWithTheStolenKeysUse() throws Exception {
        JsonNode records = Json.mapper().readTree(
                CloudTrailSamples.stratus("aws.credential-access.ec2-steal-instance-credentials.json"));
        List<JsonNode> byTime = new ArrayList<>();
        records.forEach(byTime::add);
        byTime.sort(Comparator.comparing(r -> r.get("eventTime").asText()));
        byTime.forEach(record -> topology.sendJson(record.toString()));
    }

    /** A second at a time, as the wall-clock punctuations run in a live task. */
    private void advanceWallClock(Duration total) {
        for (long s = 0; s < total.toSeconds(); s++) {
            topology.driver().advanceWallClockTime(Duration.ofSeconds(1));
        }
    }

    private KeyValueStore<String, HeldEvents> heldStore() {
        return topology.driver().getKeyValueStore(StoreNames.HELD_EVENTS);
    }

    private List<Finding> unusedRoles() {
        return topology.findings().stream().filter(f -> f.kind() == FindingKind.UNUSED_ROLE).toList();
    }
}
