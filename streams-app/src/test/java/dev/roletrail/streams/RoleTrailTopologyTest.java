package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.streams.profile.AccessEdge;
import dev.roletrail.streams.profile.PrincipalProfile;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.unused.InventoryFixtures;
import dev.roletrail.testkit.CloudTrailEvent;

class RoleTrailTopologyTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    /** Not a sensitive role name, so only first-time-assumption concerns it. */
    private static final String ADMIN = "arn:aws:iam::111122223333:role/Reports";
    private static final String VENDOR_ROLE = "arn:aws:iam::444455556666:role/VendorAccess";
    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");
    /** Users of Alice's account: the peers who may make her first assumption of a role expected. */
    private static final List<String> PEERS = List.of("arn:aws:iam::111122223333:user/bob",
            "arn:aws:iam::111122223333:user/carol", "arn:aws:iam::111122223333:user/dave");

    private TopologyFixture topology;

    @BeforeEach
    void startDriver() {
        topology = new TopologyFixture(Map.of("detector.learning-period", "14d"), TopologyFixture.NOW);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void shouldAlertWhenAnEstablishedPrincipalAssumesARoleForTheFirstTime() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        CloudTrailEvent assume = CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(20)));
        send(assume);

        List<Alert> fired = firstTimeAlerts();

        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo("first-time-assumption");
            assertThat(alert.principal()).isEqualTo(ALICE);
            assertThat(alert.origin()).isEqualTo(ALICE);
            assertThat(alert.role()).isEqualTo(ADMIN);
            assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(alert.eventIds()).containsExactly(assume.eventId());
            assertThat(alert.firstEventTime()).isEqualTo(DAY_0.plus(Duration.ofDays(20)));
            assertThat(alert.sourceNetwork()).isEqualTo("203.0.113.0/24");
            assertThat(alert.attack()).contains("T1078.004");
        });
    }

    @Test
    void shouldRaiseSeverityWhenTheRoleIsInAnotherAccount() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(VENDOR_ROLE).at(DAY_0.plus(Duration.ofDays(15))));

        assertThat(firstTimeAlerts()).singleElement()
                .satisfies(alert -> assertThat(alert.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void shouldRaiseSeverityWhenTheInventorysTrustPolicyDoesNotNameTheAssumer() {
        topology.sendInventory(InventoryFixtures.role("Reports", DAY_0.minus(Duration.ofDays(100)),
                InventoryFixtures.trusting("arn:aws:iam::111122223333:user/bob"), null, null));
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(20))));

        assertThat(firstTimeAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.baseline()).contains("trust policy in the inventory snapshot does not name it");
        });
    }

    @Test
    void shouldKeepTheUsualSeverityWhenTheInventorysTrustPolicyNamesTheAssumer() {
        topology.sendInventory(InventoryFixtures.role("Reports", DAY_0.minus(Duration.ofDays(100)),
                InventoryFixtures.trusting(ALICE), null, null));
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(20))));

        assertThat(firstTimeAlerts()).singleElement()
                .satisfies(alert -> assertThat(alert.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void shouldStayQuietWhileThePrincipalIsStillInItsLearningPeriod() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(13))));

        assertThat(firstTimeAlerts()).as("day 13 of a 14-day learning period").isEmpty();
    }

    @Test
    void shouldStayQuietWhenTheRoleWasAssumedBefore() {
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(30))));

        assertThat(firstTimeAlerts()).isEmpty();
        KeyValueStore<String, AccessEdge> edges = topology.driver().getKeyValueStore(StoreNames.ACCESS_EDGES);
        assertThat(edges.get(AccessEdge.key(ALICE, ADMIN)).uses()).isEqualTo(2);
    }

    @Test
    void shouldStayQuietForADeniedAssumption() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).denied().at(DAY_0.plus(Duration.ofDays(20))));

        assertThat(firstTimeAlerts()).isEmpty();
    }

    @Test
    void shouldKeepPerPrincipalCountsInEventTimeEvenOutOfOrder() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0.plus(Duration.ofDays(2))));
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0.plus(Duration.ofDays(1))));

        KeyValueStore<String, PrincipalProfile> profiles = topology.driver().getKeyValueStore(StoreNames.PRINCIPAL_PROFILES);
        PrincipalProfile profile = profiles.get(ALICE);
        assertThat(profile.events()).isEqualTo(3);
        assertThat(profile.firstSeen()).isEqualTo(DAY_0);
        assertThat(profile.lastSeen()).isEqualTo(DAY_0.plus(Duration.ofDays(2)));
    }

    @Test
    void shouldDeadLetterBadRecordsAndGoOn() {
        topology.send("garbage", "{not json".getBytes(StandardCharsets.UTF_8));
        topology.send("nobody", "{\"eventID\":\"e-9\",\"userIdentity\":{}}".getBytes(StandardCharsets.UTF_8));
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));

        List<DeadLetter> letters = topology.deadLetters();

        assertThat(letters).extracting(DeadLetter::reason)
                .satisfiesExactly(r -> assertThat(r).startsWith("invalid JSON"),
                        r -> assertThat(r).isEqualTo("missing eventTime"));
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.stage()).isEqualTo("streams");
            assertThat(letter.source()).startsWith(Topics.defaults().cloudtrail().name() + "/0/");
        });
        assertThat(topology.driver().<String, PrincipalProfile>getKeyValueStore(StoreNames.PRINCIPAL_PROFILES).get(ALICE))
                .as("the good record after the bad ones is processed").isNotNull();
    }

    @Test
    void shouldGiveTheSameAlertIdWhenTheSameInputIsReplayed() {
        CloudTrailEvent seen = CloudTrailEvent.byUser(ALICE).at(DAY_0);
        CloudTrailEvent assume = CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(20)));
        send(seen);
        send(assume);
        String firstRun = firstTimeAlerts().get(0).id();
        closeDriver();
        startDriver();

        send(seen);
        send(assume);

        assertThat(firstTimeAlerts().get(0).id()).isEqualTo(firstRun);
    }

    @Test
    void shouldStayQuietWhenThreePeersOfTheSameAccountAndKindAssumeTheRole() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        peersAssume(ADMIN, PEERS, DAY_0.plus(Duration.ofDays(5)));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(20))));

        assertThat(firstTimeAlerts()).as("a newcomer to the team's role").isEmpty();
    }

    @Test
    void shouldAlertWhenFewerPeersThanTheSettingAssumeTheRole() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        peersAssume(ADMIN, PEERS.subList(0, 2), DAY_0.plus(Duration.ofDays(5)));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(20))));

        assertThat(firstTimeAlerts()).as("two peers, three needed").singleElement().satisfies(alert -> {
            assertThat(alert.principal()).isEqualTo(ALICE);
            assertThat(alert.baseline()).contains("2 other principals of its account and kind assumed it");
        });
    }

    @Test
    void shouldAlertWhenTheRolesAssumersAreOfAnotherAccountOrKind() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        peersAssume(ADMIN, List.of("arn:aws:iam::999988887777:user/bob", "arn:aws:iam::999988887777:user/carol",
                "arn:aws:iam::999988887777:user/dave"), DAY_0.plus(Duration.ofDays(5)));
        for (String role : List.of("Build", "Test", "Release")) {
            send(CloudTrailEvent.byRoleSession("arn:aws:iam::111122223333:role/" + role, "run").assumeRole(ADMIN)
                    .at(DAY_0.plus(Duration.ofDays(6))));
        }
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(20))));

        assertThat(firstTimeAlerts()).as("users of another account and role sessions of hers are not her peers")
                .filteredOn(alert -> alert.principal().equals(ALICE)).hasSize(1);
    }

    @Test
    void shouldNotCountPeersWhoLastAssumedTheRoleBeforeThePeerWindow() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        peersAssume(ADMIN, PEERS, DAY_0);
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(31))));

        assertThat(firstTimeAlerts()).as("the peers' use is 31 days old; the window is 30").hasSize(1);
    }

    @Test
    void shouldKeepCountingPeersWhoKeepAssumingTheRole() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        peersAssume(ADMIN, PEERS, DAY_0);
        peersAssume(ADMIN, PEERS, DAY_0.plus(Duration.ofDays(25)));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(40))));

        assertThat(firstTimeAlerts()).as("the peers' edges were reported again on day 25").isEmpty();
    }

    @Test
    void shouldAlertForASensitiveRoleWhateverItsPeers() {
        String orgAdmin = "arn:aws:iam::111122223333:role/OrgAdmin";
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        peersAssume(orgAdmin, PEERS, DAY_0.plus(Duration.ofDays(5)));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(orgAdmin).at(DAY_0.plus(Duration.ofDays(20))));

        assertThat(firstTimeAlerts()).as("peers never explain a sensitive role").singleElement()
                .satisfies(alert -> assertThat(alert.role()).isEqualTo(orgAdmin));
    }

    @Test
    void shouldAlertWhenTheTrustPolicySnapshotDoesNotNameTheAssumerWhateverItsPeers() {
        topology.sendInventory(InventoryFixtures.role("Reports", DAY_0.minus(Duration.ofDays(100)),
                InventoryFixtures.trusting(PEERS.toArray(String[]::new)), null, null));
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        peersAssume(ADMIN, PEERS, DAY_0.plus(Duration.ofDays(5)));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(20))));

        assertThat(firstTimeAlerts()).singleElement()
                .satisfies(alert -> assertThat(alert.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void shouldAlertWhateverThePeersWhenPeerLearningIsOff() {
        closeDriver();
        topology = new TopologyFixture(Map.of("detector.learning-period", "14d",
                "detector.first-time-assumption.peers", "0"), TopologyFixture.NOW);
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        peersAssume(ADMIN, PEERS, DAY_0.plus(Duration.ofDays(5)));
        send(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(20))));

        assertThat(firstTimeAlerts()).hasSize(1);
    }

    /** Each peer acts first, so its own first assumption falls in its learning period and raises nothing. */
    private void peersAssume(String role, List<String> peers, Instant at) {
        for (String peer : peers) {
            send(CloudTrailEvent.byUser(peer).assumeRole(role).at(at));
        }
    }

    /** This class is about the pipeline and first-time-assumption; other detectors have their own tests. */
    private List<Alert> firstTimeAlerts() {
        return topology.alerts().stream().filter(a -> a.detector().equals("first-time-assumption")).toList();
    }

    private void send(CloudTrailEvent event) {
        topology.send(event);
    }
}
