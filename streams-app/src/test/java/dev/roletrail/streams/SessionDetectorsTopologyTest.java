package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

/** Detectors that need session lineage or a repartition, through the production topology. */
class SessionDetectorsTopologyTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String A = "arn:aws:iam::111122223333:role/A";
    private static final String B = "arn:aws:iam::111122223333:role/B";
    private static final String C = "arn:aws:iam::111122223333:role/C";
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private TopologyFixture topology;

    @AfterEach
    void close() {
        topology.close();
    }

    @Test
    void shouldReportInstanceCredentialsStolenInTheStratusDetonation() throws Exception {
        topology = new TopologyFixture(Map.of());
        JsonNode records = Json.mapper().readTree(
                CloudTrailSamples.stratus("aws.credential-access.ec2-steal-instance-credentials.json"));
        List<JsonNode> byTime = new java.util.ArrayList<>();
        records.forEach(byTime::add);
        byTime.sort(Comparator.comparing(r -> r.get("eventTime").asText()));
        byTime.forEach(record -> topology.sendJson(record.toString()));
        // Later traffic moves stream time past the lineage hold, so the stolen session's calls go on.
        topology.send(CloudTrailEvent.byUser(ALICE).at(Instant.parse("2024-08-02T09:30:00Z")));

        assertThat(topology.alerts("session-credential-network-change")).singleElement().satisfies(alert -> {
            assertThat(alert.accessKeyId()).isEqualTo("ASIAP5CT9NN8EYVU1FXV");
            assertThat(alert.principal()).endsWith(":role/stratus-red-team-ec2-steal-credentials-role");
            assertThat(alert.unusual()).contains("user/christophe", "long-term key");
        });
    }

    @Test
    void shouldReportWorkloadCredentialsUsedWhereAnotherPrincipalsKeyActedWithinTheHour() {
        topology = new TopologyFixture(Map.of());
        topology.send(CloudTrailEvent.byUser(ALICE).withAccessKey("AKIAALICE00000000001").from("198.51.100.7")
                .at(T0));
        topology.send(instanceSession("ASIAINSTANCE00000001").from("198.51.100.9").at(T0.plus(Duration.ofMinutes(30))));
        // Later traffic moves stream time past the lineage hold, so the instance session's call goes on.
        topology.send(CloudTrailEvent.byUser(ALICE).withAccessKey("AKIAALICE00000000001").from("192.0.2.1")
                .at(T0.plus(Duration.ofHours(1))));

        assertThat(topology.alerts("session-credential-network-change")).singleElement().satisfies(alert -> {
            assertThat(alert.accessKeyId()).isEqualTo("ASIAINSTANCE00000001");
            assertThat(alert.unusual()).contains("198.51.100.0/24", "AKIAALICE00000000001", "1800 s earlier");
        });
    }

    @Test
    void shouldForgetANetworkADayAfterItsLastActivityAndStayQuietForLaterUse() {
        topology = new TopologyFixture(Map.of());
        topology.send(CloudTrailEvent.byUser(ALICE).withAccessKey("AKIAALICE00000000001").from("198.51.100.7")
                .at(T0));
        // Other networks' traffic moves the network-keyed task's stream time on, past the window and a day.
        Instant later = T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));
        topology.send(CloudTrailEvent.byUser(ALICE).withAccessKey("AKIAALICE00000000001").from("192.0.2.1")
                .at(later));
        topology.send(CloudTrailEvent.byUser(ALICE).withAccessKey("AKIAALICE00000000001").from("192.0.2.1")
                .at(later.plus(Duration.ofMinutes(20))));

        KeyValueStore<String, Object> networks = topology.driver().getKeyValueStore(StoreNames.NETWORK_ACTIVITY);
        assertThat(networks.get("198.51.100.0/24")).as("nothing there for a day and the window: forgotten").isNull();
        assertThat(networks.get("192.0.2.0/24")).as("still active").isNotNull();

        topology.send(instanceSession("ASIAINSTANCE00000001").from("198.51.100.9")
                .at(later.plus(Duration.ofMinutes(30))));
        topology.send(CloudTrailEvent.byUser(ALICE).withAccessKey("AKIAALICE00000000001").from("192.0.2.1")
                .at(later.plus(Duration.ofHours(2))));
        assertThat(topology.alerts("session-credential-network-change")).as("the key acted there a day before")
                .isEmpty();
    }

    @Test
    void shouldKeepANetworkWhileAWorkloadCallWaitsInWallClockTimeThoughStreamTimeRanDaysAhead() {
        topology = new TopologyFixture(Map.of("streams.lineage-hold-wall", "10m"));
        topology.send(CloudTrailEvent.byUser(ALICE).withAccessKey("AKIAALICE00000000001").from("198.51.100.7")
                .at(T0));
        // An EC2 instance role's session is never issued in the trail: its call waits for the lineage step's minimum.
        topology.send(instanceSession("ASIAINSTANCE00000001").from("198.51.100.9").at(T0.plus(Duration.ofMinutes(30))));
        // A backfill: other traffic moves every task's stream time two days on within a second of wall clock.
        Instant later = T0.plus(Duration.ofDays(2));
        topology.send(CloudTrailEvent.byUser(ALICE).withAccessKey("AKIAALICE00000000001").from("192.0.2.1")
                .at(later));
        topology.send(CloudTrailEvent.byUser(ALICE).withAccessKey("AKIAALICE00000000001").from("192.0.2.1")
                .at(later.plus(Duration.ofMinutes(20))));
        assertThat(topology.alerts("session-credential-network-change")).as("the call still waits").isEmpty();

        topology.driver().advanceWallClockTime(Duration.ofMinutes(10));

        assertThat(topology.alerts("session-credential-network-change")).as("it met the key that acted beside it")
                .singleElement().satisfies(alert -> {
                    assertThat(alert.accessKeyId()).isEqualTo("ASIAINSTANCE00000001");
                    assertThat(alert.unusual()).contains("198.51.100.0/24", "AKIAALICE00000000001", "1800 s earlier");
                });
        KeyValueStore<String, Object> networks = topology.driver().getKeyValueStore(StoreNames.NETWORK_ACTIVITY);
        topology.driver().advanceWallClockTime(Duration.ofMinutes(19));
        topology.send(CloudTrailEvent.byUser(ALICE).withAccessKey("AKIAALICE00000000001").from("192.0.2.1")
                .at(later.plus(Duration.ofMinutes(40))));
        assertThat(networks.get("198.51.100.0/24")).as("19 min of wall clock after its last activity").isNotNull();
        topology.driver().advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(networks.get("198.51.100.0/24")).as("twice the lineage step's 10 min: forgotten").isNull();
        assertThat(networks.get("192.0.2.0/24")).isNotNull();
    }

    private static CloudTrailEvent instanceSession(String keyId) {
        return CloudTrailEvent.byRoleSession("arn:aws:iam::111122223333:role/web-instance", "i-0123456789abcdef0")
                .withAccessKey(keyId);
    }

    @Test
    void shouldReportAChainDeeperThanAllowedWithItsOrigin() {
        topology = new TopologyFixture(Map.of("detector.role-chain.max-depth", "2"));
        CloudTrailEvent toA = CloudTrailEvent.byUser(ALICE).assumeRole(A).at(T0);
        topology.send(toA);
        CloudTrailEvent toB = CloudTrailEvent.byRoleSession(A, "alice").withAccessKey(toA.issuedKeyId())
                .assumeRole(B).at(T0.plusSeconds(10));
        topology.send(toB);
        topology.send(CloudTrailEvent.byRoleSession(B, "alice").withAccessKey(toB.issuedKeyId())
                .assumeRole(C).at(T0.plusSeconds(20)));

        assertThat(topology.alerts("role-chain")).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.origin()).isEqualTo(ALICE);
            assertThat(alert.role()).isEqualTo(C);
            assertThat(alert.unusual()).contains("3 hops deep");
        });
    }

    @Test
    void shouldStayQuietForAChainWithinTheDepth() {
        topology = new TopologyFixture(Map.of());
        CloudTrailEvent toA = CloudTrailEvent.byUser(ALICE).assumeRole(A).at(T0);
        topology.send(toA);
        topology.send(CloudTrailEvent.byRoleSession(A, "alice").withAccessKey(toA.issuedKeyId())
                .assumeRole(B).at(T0.plusSeconds(10)));

        assertThat(topology.alerts("role-chain")).isEmpty();
    }

    @Test
    void shouldReportANewChainPathThatReachedTheRoleBeforeTheRolesEarlierChaining() {
        // A backfill over several partitions: each chaining call waits for its session, issued by another task, so
        // the role's calls arrive in the order those tasks ran.
        topology = new TopologyFixture(Map.of());
        chain(A, C, T0.plus(Duration.ofDays(20)));
        assertThat(topology.alerts("role-chain")).as("the role has not chained before, as far as is known").isEmpty();

        chain(A, B, T0);

        assertThat(topology.alerts("role-chain")).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(alert.unusual()).isEqualTo("new chain path " + ALICE + " -> " + A + " -> " + C);
            assertThat(alert.firstEventTime()).isEqualTo(T0.plus(Duration.ofDays(20)).plusSeconds(10));
        });
    }

    @Test
    void shouldStayQuietForAChainPathThatCameWhileTheRoleWasLearningWhicheverReachedTheRoleFirst() {
        topology = new TopologyFixture(Map.of());
        chain(A, C, T0.plus(Duration.ofDays(5)));
        chain(A, B, T0);
        chain(A, B, T0.plus(Duration.ofDays(30)));

        assertThat(topology.alerts("role-chain")).isEmpty();
    }

    /** Alice assumes {@code from}, whose session assumes {@code to} ten seconds later. */
    private void chain(String from, String to, Instant at) {
        CloudTrailEvent assume = CloudTrailEvent.byUser(ALICE).assumeRole(from).at(at);
        topology.send(assume);
        topology.send(CloudTrailEvent.byRoleSession(from, "alice").withAccessKey(assume.issuedKeyId())
                .assumeRole(to).at(at.plusSeconds(10)));
    }

    @Test
    void shouldReportANewCiSubjectForADeployRole() {
        topology = new TopologyFixture(Map.of());
        String deploy = "arn:aws:iam::111122223333:role/deploy";
        String github = "token.actions.githubusercontent.com";
        topology.send(CloudTrailEvent.byWebIdentity(github, "repo:acme/api:ref:refs/heads/main", deploy).at(T0));
        topology.send(CloudTrailEvent.byWebIdentity(github, "repo:acme/api:ref:refs/heads/main", deploy)
                .at(T0.plus(Duration.ofDays(20))));
        topology.send(CloudTrailEvent.byWebIdentity(github, "repo:mallory/fork:ref:refs/heads/x", deploy)
                .at(T0.plus(Duration.ofDays(21))));

        assertThat(topology.alerts("new-federated-subject")).singleElement().satisfies(alert -> {
            assertThat(alert.role()).isEqualTo(deploy);
            assertThat(alert.unusual()).isEqualTo("new subject repo:mallory/fork:ref:refs/heads/x");
        });
    }

    @Test
    void shouldReportANewCiSubjectThatReachedTheRoleBeforeTheRolesFirstFederations() {
        // A backfill over several partitions: the subject's task ran ahead of the tasks of the role's usual subjects.
        topology = new TopologyFixture(Map.of());
        String deploy = "arn:aws:iam::111122223333:role/deploy";
        String github = "token.actions.githubusercontent.com";
        topology.send(CloudTrailEvent.byWebIdentity(github, "repo:mallory/fork:ref:refs/heads/x", deploy)
                .at(T0.plus(Duration.ofDays(21))));
        assertThat(topology.alerts("new-federated-subject")).as("nothing known of the role yet").isEmpty();

        topology.send(CloudTrailEvent.byWebIdentity(github, "repo:acme/api:ref:refs/heads/main", deploy).at(T0));
        topology.send(CloudTrailEvent.byWebIdentity(github, "repo:acme/api:ref:refs/heads/main", deploy)
                .at(T0.plus(Duration.ofDays(20))));

        assertThat(topology.alerts("new-federated-subject")).singleElement().satisfies(alert -> {
            assertThat(alert.role()).isEqualTo(deploy);
            assertThat(alert.severity()).as("its provider was known before it").isEqualTo(Severity.MEDIUM);
            assertThat(alert.unusual()).isEqualTo("new subject repo:mallory/fork:ref:refs/heads/x");
            assertThat(alert.firstEventTime()).isEqualTo(T0.plus(Duration.ofDays(21)));
        });
    }

    @Test
    void shouldStayQuietForASubjectThatCameWhileTheRoleWasLearningWhicheverReachedTheRoleFirst() {
        topology = new TopologyFixture(Map.of());
        String deploy = "arn:aws:iam::111122223333:role/deploy";
        String github = "token.actions.githubusercontent.com";
        topology.send(CloudTrailEvent.byWebIdentity(github, "repo:acme/web:ref:refs/heads/main", deploy)
                .at(T0.plus(Duration.ofDays(5))));
        topology.send(CloudTrailEvent.byWebIdentity(github, "repo:acme/api:ref:refs/heads/main", deploy).at(T0));
        topology.send(CloudTrailEvent.byWebIdentity(github, "repo:acme/api:ref:refs/heads/main", deploy)
                .at(T0.plus(Duration.ofDays(30))));

        assertThat(topology.alerts("new-federated-subject")).isEmpty();
    }

    @Test
    void shouldReportSessionCredentialsUsedAwayFromWhereTheSessionStarted() {
        topology = new TopologyFixture(Map.of());
        CloudTrailEvent toA = CloudTrailEvent.byUser(ALICE).assumeRole(A).at(T0).from("198.51.100.7");
        topology.send(toA);
        topology.send(CloudTrailEvent.byRoleSession(A, "alice").withAccessKey(toA.issuedKeyId())
                .call("s3.amazonaws.com", "ListBuckets").at(T0.plusSeconds(30)).from("198.51.100.7"));
        topology.send(CloudTrailEvent.byRoleSession(A, "alice").withAccessKey(toA.issuedKeyId())
                .call("s3.amazonaws.com", "GetObject").at(T0.plusSeconds(60)).from("203.0.113.99"));

        assertThat(topology.alerts("session-credential-network-change")).singleElement().satisfies(alert -> {
            assertThat(alert.origin()).isEqualTo(ALICE);
            assertThat(alert.sourceNetwork()).isEqualTo("203.0.113.0/24");
        });
    }
}
