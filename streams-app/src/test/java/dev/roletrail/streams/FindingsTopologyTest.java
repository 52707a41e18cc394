package dev.roletrail.streams;

import static dev.roletrail.streams.unused.InventoryFixtures.allow;
import static dev.roletrail.streams.unused.InventoryFixtures.role;
import static dev.roletrail.streams.unused.InventoryFixtures.trusting;
import static dev.roletrail.streams.unused.InventoryFixtures.user;
import static dev.roletrail.streams.unused.InventoryFixtures.userArn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.schemas.identity.IdentityType;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.testkit.CloudTrailEvent;

/**
 * Findings through the production topology: the inventory on its topic, CloudTrail on its own, daily evaluation on
 * stream time, with a 7-day tracking period so a test spans days, not months.
 */
class FindingsTopologyTest {

    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");
    private static final String ALICE = userArn("alice");
    private static final String LEGACY = "arn:aws:iam::111122223333:role/Legacy";
    private static final String APP = "arn:aws:iam::111122223333:role/App";

    private TopologyFixture topology;

    @BeforeEach
    void startDriver() {
        topology = new TopologyFixture(Map.of("findings.tracking-period", "7d"), Instant.parse("2027-06-01T00:00:00Z"));
        topology.sendInventory(user("alice", LONG_AGO, List.of(), List.of()));
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    private static Instant day(int day) {
        return DAY_0.plus(Duration.ofDays(day));
    }

    /** Alice works every day from 0 to the given day, which moves stream time across each day boundary. */
    private void aliceWorksThrough(int fromDay, int toDay) {
        for (int d = fromDay; d <= toDay; d++) {
            topology.send(CloudTrailEvent.byUser(ALICE).call("s3.amazonaws.com", "ListBuckets").at(day(d)));
        }
    }

    private List<Finding> findings(FindingKind kind) {
        return topology.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void shouldOpenAnUnusedRoleFindingAndResolveItWhenTheRoleIsUsedAgain() {
        topology.sendInventory(role("Legacy", LONG_AGO, trusting(ALICE), null, null));
        aliceWorksThrough(0, 8);

        assertThat(findings(FindingKind.UNUSED_ROLE)).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo(LEGACY);
            assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
        }).as("evaluated daily, emitted once while nothing changes");

        topology.send(CloudTrailEvent.byRoleSession(LEGACY, "back").call("ec2.amazonaws.com", "DescribeInstances")
                .at(day(9)));
        // Day 10 releases the role's call, held for its unknown session, before its watermark closes day 9.
        aliceWorksThrough(9, 10);

        assertThat(findings(FindingKind.UNUSED_ROLE)).singleElement().satisfies(f -> {
            assertThat(f.entity()).isEqualTo(LEGACY);
            assertThat(f.status()).isEqualTo(FindingStatus.RESOLVED);
            assertThat(f.periodEnd()).isEqualTo(Instant.parse("2026-10-11T00:00:00Z"));
        });
    }

    @Test
    void shouldNotReportARoleYoungerThanTheTrackingPeriod() {
        topology.sendInventory(role("Fresh", day(5), trusting(ALICE), null, null));
        aliceWorksThrough(0, 11);

        assertThat(findings(FindingKind.UNUSED_ROLE)).isEmpty();
    }

    @Test
    void shouldResolveTheFindingsOfAnEntityThatLeftTheInventory() {
        topology.sendInventory(role("Legacy", LONG_AGO, trusting(ALICE), null, null));
        aliceWorksThrough(0, 3);
        assertThat(findings(FindingKind.UNUSED_ROLE)).extracting(Finding::status).containsExactly(FindingStatus.OPEN);

        topology.deleteInventory(LEGACY);
        aliceWorksThrough(4, 5);

        assertThat(findings(FindingKind.UNUSED_ROLE)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.RESOLVED);
            assertThat(f.evidence()).last().asString().startsWith("resolved 2026-10-05");
        });
    }

    @Test
    void shouldProposeLeastPrivilegePoliciesForTheRoleAndTheAssumerFromItsSessions() {
        topology.sendInventory(role("App", LONG_AGO, trusting(ALICE), allow("s3:*"), null));
        for (int d = 0; d <= 2; d++) {
            CloudTrailEvent assume = CloudTrailEvent.byUser(ALICE).assumeRole(APP).at(day(d));
            topology.send(assume);
            topology.send(CloudTrailEvent.byRoleSession(APP, "session").withAccessKey(assume.issuedKeyId())
                    .call("s3.amazonaws.com", "CreateBucket").at(day(d).plusSeconds(60)));
        }
        aliceWorksThrough(3, 4);

        List<Finding> policies = findings(FindingKind.LEAST_PRIVILEGE_POLICY);

        assertThat(policies).extracting(Finding::subject).containsExactly(null, ALICE);
        assertThat(policies).allSatisfy(f -> assertThat(f.policy()).contains("\"Action\":[\"s3:CreateBucket\"]"));
    }

    @Test
    void shouldPublishTheIdentityInventoryWhenAViewChangesAndNotWhileItStaysTheSame() {
        topology.sendInventory(role("App", LONG_AGO, trusting(ALICE), allow("s3:*"), null));
        for (int d = 0; d <= 2; d++) {
            topology.send(CloudTrailEvent.byUser(ALICE).assumeRole(APP).userAgent("aws-cli/2.15.0").at(day(d)));
        }
        aliceWorksThrough(3, 4);

        Map<String, Identity> latest = new LinkedHashMap<>();
        List<KeyValue<String, Identity>> first = topology.identities();
        first.forEach(record -> {
            Identity before = latest.put(record.key, record.value);
            assertThat(before == null || !before.evaluatedAt(DAY_0).equals(record.value.evaluatedAt(DAY_0)))
                    .as("%s emitted again without a change", record.key).isTrue();
        });
        String key = CloudTrailEvent.byUser(ALICE).call("s3.amazonaws.com", "ListBuckets").tree()
                .at("/userIdentity/accessKeyId").asText();

        assertThat(latest.get(ALICE)).satisfies(alice -> {
            assertThat(alice.type()).isEqualTo(IdentityType.IAM_USER);
            assertThat(alice.kind()).isEqualTo(IdentityKind.HUMAN);
            assertThat(alice.reachedRoles()).containsExactly(APP);
            assertThat(alice.reachableRoles()).containsExactly(APP);
        });
        assertThat(latest.get(key)).satisfies(k -> assertThat(k.parent()).isEqualTo(ALICE));
        assertThat(latest.get(APP)).satisfies(app -> {
            assertThat(app.type()).isEqualTo(IdentityType.ROLE);
            assertThat(app.created()).isEqualTo(LONG_AGO);
        });

        topology.deleteInventory(APP);
        aliceWorksThrough(5, 6);
        topology.identities().forEach(record -> latest.put(record.key, record.value));

        assertThat(latest.get(ALICE).reachableRoles()).as("no trust path once the role left the inventory").isEmpty();
        assertThat(latest.get(APP)).as("used in the period, the role is still seen, now without IAM's facts")
                .satisfies(app -> assertThat(app.created()).isNull());
    }

    @Test
    void shouldTombstoneTheViewOfAnIdentityNeitherGrantedNorSeenAnyMore() {
        topology.sendInventory(role("Legacy", LONG_AGO, trusting(ALICE), null, null));
        aliceWorksThrough(0, 2);
        assertThat(topology.identities()).filteredOn(record -> record.key.equals(LEGACY)).singleElement()
                .satisfies(record -> assertThat(record.value.kind()).isEqualTo(IdentityKind.UNKNOWN));
        KeyValueStore<String, byte[]> store = topology.driver().getKeyValueStore(StoreNames.IDENTITIES);
        Deserializer<Identity> identity = Topics.defaults().identities().valueSerde().deserializer();
        assertThat(identity.deserialize(StoreNames.IDENTITIES, store.get(LEGACY)))
                .as("the query API's store reads the topic back")
                .satisfies(legacy -> assertThat(legacy.kind()).isEqualTo(IdentityKind.UNKNOWN));
        assertThat(store.get(ALICE)).isNotNull();

        topology.deleteInventory(LEGACY);
        aliceWorksThrough(3, 4);

        assertThat(topology.identities()).filteredOn(record -> record.key.equals(LEGACY)).singleElement()
                .satisfies(record -> assertThat(record.value).isNull());
        assertThat(store.get(LEGACY)).as("the tombstone removed it from the store").isNull();
        assertThat(store.get(ALICE)).isNotNull();
    }
}
