package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.streams.burst.AssumeAttempts;
import dev.roletrail.streams.burst.AssumeRoleDeniedBurstDetector;
import dev.roletrail.streams.dormant.DormantCredentialReactivatedDetector;
import dev.roletrail.streams.keys.KeyUsage;
import dev.roletrail.streams.keys.NewNetworkForKeyDetector;
import dev.roletrail.streams.profile.AccessEdge;
import dev.roletrail.streams.profile.PrincipalProfile;
import dev.roletrail.streams.rate.AssumptionRate;
import dev.roletrail.streams.rate.AssumptionRateAnomalyDetector;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.testkit.CloudTrailEvent;

/**
 * The four stateful detectors end to end through the production topology: each fires for its pattern and stays
 * silent for routine traffic. Other detectors may fire on the same events; only these four are asserted on.
 */
class StatefulDetectorsTopologyTest {

    private static final String LEAKED_KEY_CLIENT = "python-requests/2.31.0";

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String BOB = "arn:aws:iam::111122223333:user/bob";
    private static final String MALLORY = "arn:aws:iam::111122223333:user/mallory";
    private static final String DEPLOYER = "arn:aws:iam::111122223333:user/deployer";
    private static final String BATCH_ROLE = "arn:aws:iam::111122223333:role/NightlyBatch";
    private static final String DEPLOY_ROLE = "arn:aws:iam::111122223333:role/Deploy";
    /** A user whose calls only move stream time on (e.g. to release events held for their session). */
    private static final String TICKER = "arn:aws:iam::111122223333:user/ticker";
    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Set<String> STATEFUL = Set.of(AssumeRoleDeniedBurstDetector.INFO.id(),
            DormantCredentialReactivatedDetector.INFO.id(), NewNetworkForKeyDetector.INFO.id(),
            AssumptionRateAnomalyDetector.INFO.id());

    private TopologyFixture topology;

    @BeforeEach
    void startDriver() {
        topology = new TopologyFixture(Map.of("detector.learning-period", "14d"), Instant.parse("2027-06-01T00:00:00Z"));
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void shouldAlertWhenARoleIdleForTheDormancyPeriodActsAgain() {
        send(CloudTrailEvent.byRoleSession(BATCH_ROLE, "run-1").at(DAY_0));
        CloudTrailEvent reactivated = CloudTrailEvent.byRoleSession(BATCH_ROLE, "run-2")
                .at(DAY_0.plus(Duration.ofDays(100)));
        send(reactivated);
        tick(DAY_0.plus(Duration.ofDays(100)).plus(Duration.ofHours(1)));

        assertThat(statefulAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo(DormantCredentialReactivatedDetector.INFO.id());
            assertThat(alert.entity()).isEqualTo(BATCH_ROLE);
            assertThat(alert.eventIds()).containsExactly(reactivated.eventId());
            assertThat(alert.unusual()).endsWith("after 100 days idle");
        });
    }

    @Test
    void shouldAlertOnceForTheKeyWhenAUsersIdleAccessKeyIsUsedAgain() {
        send(CloudTrailEvent.byUser(ALICE).at(DAY_0));
        CloudTrailEvent reused = CloudTrailEvent.byUser(ALICE).at(DAY_0.plus(Duration.ofDays(100)));
        send(reused);

        assertThat(statefulAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo(DormantCredentialReactivatedDetector.INFO.id());
            assertThat(alert.entity()).startsWith("AKIA").isEqualTo(alert.accessKeyId());
            assertThat(alert.principal()).isEqualTo(ALICE);
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        });
        KeyUsage key = topology.driver().<String, KeyUsage>getKeyValueStore(StoreNames.KEY_USAGE)
                .get(TestObservations.of(reused).accessKeyId());
        assertThat(key.uses()).isEqualTo(2);
        assertThat(key.lastUsed()).isEqualTo(DAY_0.plus(Duration.ofDays(100)));
    }

    @Test
    void shouldAlertWhenALongTermKeyIsUsedFromANewNetworkAfterItsLearningPeriod() {
        send(CloudTrailEvent.byUser(BOB).from("203.0.113.10").at(DAY_0));
        send(CloudTrailEvent.byUser(BOB).from("192.0.2.1").at(DAY_0.plus(Duration.ofDays(5))));
        send(CloudTrailEvent.byUser(BOB).from("192.0.2.77").at(DAY_0.plus(Duration.ofDays(20))));
        // Someone else's tools: a new network alone is a person travelling (NewNetworkForKeyDetectorTest).
        CloudTrailEvent elsewhere = CloudTrailEvent.byUser(BOB).from("198.51.100.7").userAgent(LEAKED_KEY_CLIENT)
                .at(DAY_0.plus(Duration.ofDays(21)));
        send(elsewhere);
        send(CloudTrailEvent.byUser(BOB).from("198.51.100.8").at(DAY_0.plus(Duration.ofDays(21)).plusSeconds(60)));
        send(CloudTrailEvent.byUser(BOB).from("cloudformation.amazonaws.com").at(DAY_0.plus(Duration.ofDays(22))));

        assertThat(statefulAlerts()).as("192.0.2.0/24 was learnt on day 5; 198.51.100.0/24 is new on day 21")
                .singleElement().satisfies(alert -> {
                    assertThat(alert.detector()).isEqualTo(NewNetworkForKeyDetector.INFO.id());
                    assertThat(alert.eventIds()).containsExactly(elsewhere.eventId());
                    assertThat(alert.sourceNetwork()).isEqualTo("198.51.100.0/24");
                });
    }

    @Test
    void shouldAlertOnABurstOfRefusedAssumptions() {
        for (int i = 0; i < 12; i++) {
            send(CloudTrailEvent.byUser(MALLORY).assumeRole(DEPLOY_ROLE).denied().at(DAY_0.plusSeconds(10L * i)));
        }

        assertThat(statefulAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo(AssumeRoleDeniedBurstDetector.INFO.id());
            assertThat(alert.entity()).isEqualTo(MALLORY);
            assertThat(alert.unusual()).startsWith("10 refused AssumeRole* calls");
        });
        KeyValueStore<String, AssumeAttempts> attempts = topology.driver().getKeyValueStore(StoreNames.ASSUME_ATTEMPTS);
        assertThat(attempts.get(MALLORY).denials()).hasSize(10);
        tick(DAY_0.plus(Duration.ofHours(1)));
        assertThat(attempts.get(MALLORY)).as("forgotten once stream time is a window past the latest call").isNull();
    }

    @Test
    void shouldAlertOnRoleEnumeration() {
        for (int i = 0; i < 6; i++) {
            send(CloudTrailEvent.byUser(MALLORY).assumeRole("arn:aws:iam::111122223333:role/Team" + i)
                    .at(DAY_0.plusSeconds(30L * i)));
        }

        assertThat(statefulAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo(AssumeRoleDeniedBurstDetector.INFO.id());
            assertThat(alert.unusual()).contains("5 distinct roles");
        });
    }

    @Test
    void shouldAlertWhenTheAssumptionRateJumpsFarAboveThePrincipalsBaseline() {
        for (int hour = 0; hour < 48; hour++) {
            send(CloudTrailEvent.byUser(DEPLOYER).assumeRole(DEPLOY_ROLE).at(DAY_0.plus(Duration.ofHours(hour))));
            send(CloudTrailEvent.byUser(DEPLOYER).assumeRole(DEPLOY_ROLE)
                    .at(DAY_0.plus(Duration.ofHours(hour)).plusSeconds(1800)));
        }
        Instant spike = DAY_0.plus(Duration.ofHours(48));
        List<CloudTrailEvent> burst = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            burst.add(CloudTrailEvent.byUser(DEPLOYER).assumeRole(DEPLOY_ROLE).at(spike.plusSeconds(60L * i)));
        }
        burst.forEach(this::send);

        assertThat(statefulAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo(AssumptionRateAnomalyDetector.INFO.id());
            assertThat(alert.entity()).isEqualTo(DEPLOYER);
            assertThat(alert.eventIds()).containsExactly(burst.get(19).eventId());
            assertThat(alert.baseline()).startsWith("over 48 hours, 2.0 AssumeRole* calls per hour");
        });
        AssumptionRate rate = topology.driver().<String, AssumptionRate>getKeyValueStore(StoreNames.ASSUMPTION_RATES)
                .get(DEPLOYER);
        assertThat(rate.count()).isEqualTo(25);
        assertThat(rate.hour()).isEqualTo(spike);
    }

    @Test
    void shouldStayQuietForRoutineActivity() {
        for (int day = 0; day < 60; day++) {
            Instant morning = DAY_0.plus(Duration.ofDays(day));
            send(CloudTrailEvent.byUser(ALICE).from("203.0.113." + (10 + day % 20)).at(morning));
            send(CloudTrailEvent.byUser(ALICE).assumeRole(DEPLOY_ROLE).at(morning.plusSeconds(60)));
            send(CloudTrailEvent.byUser(ALICE).assumeRole(DEPLOY_ROLE).denied().at(morning.plusSeconds(120)));
            send(CloudTrailEvent.byUser(ALICE).from("AWS Internal").at(morning.plusSeconds(180)));
        }

        assertThat(statefulAlerts()).isEmpty();
    }

    @Test
    void shouldGiveTheSameAlertsWhenTheSameInputIsReplayed() {
        List<CloudTrailEvent> input = new ArrayList<>();
        input.add(CloudTrailEvent.byUser(ALICE).from("203.0.113.10").at(DAY_0));
        for (int i = 0; i < 10; i++) {
            input.add(CloudTrailEvent.byUser(MALLORY).assumeRole(DEPLOY_ROLE).denied().at(DAY_0.plusSeconds(10L * i)));
        }
        input.add(CloudTrailEvent.byUser(ALICE).from("198.51.100.7").userAgent(LEAKED_KEY_CLIENT)
                .at(DAY_0.plus(Duration.ofDays(100))));
        input.forEach(this::send);
        List<String> firstRun = statefulAlerts().stream().map(Alert::id).toList();
        closeDriver();
        startDriver();

        input.forEach(this::send);

        assertThat(firstRun).hasSize(3);
        assertThat(statefulAlerts()).extracting(Alert::id).containsExactlyElementsOf(firstRun);
    }

    @Test
    void shouldKeepOnlyWhatDormancyNeedsOfAPrincipalUnseenForTheEntityRetentionAndStillCatchItsReturn() {
        topology.close();
        // Retention: the tracking period plus the dormancy, 10 + 15 days.
        topology = new TopologyFixture(Map.of("findings.tracking-period", "10d",
                "detector.dormant-credential-reactivated.dormancy", "15d"), Instant.parse("2027-06-01T00:00:00Z"));
        CloudTrailEvent first = CloudTrailEvent.byUser(ALICE).from("203.0.113.10").assumeRole(DEPLOY_ROLE).at(DAY_0);
        send(first);
        String keyId = TestObservations.of(first).accessKeyId();
        tick(DAY_0.plus(Duration.ofDays(24)));
        assertThat(profile(ALICE).networks()).as("within the retention: whole").isNotEmpty();

        tick(DAY_0.plus(Duration.ofDays(26)));

        PrincipalProfile reduced = profile(ALICE);
        assertThat(reduced.networks()).isEmpty();
        assertThat(reduced.userAgents()).isEmpty();
        assertThat(reduced.lastSeen()).isEqualTo(DAY_0);
        assertThat(reduced.events()).isEqualTo(1);
        assertThat(topology.driver().<String, KeyUsage>getKeyValueStore(StoreNames.KEY_USAGE).get(keyId))
                .satisfies(key -> {
                    assertThat(key.networks()).isEmpty();
                    assertThat(key.lastUsed()).isEqualTo(DAY_0);
                });
        assertThat(topology.driver().getKeyValueStore(StoreNames.ACCESS_EDGES).get(AccessEdge.key(ALICE, DEPLOY_ROLE)))
                .as("the access edge went").isNull();
        assertThat(topology.driver().getKeyValueStore(StoreNames.ASSUMPTION_RATES).get(ALICE))
                .as("the assumption rate went").isNull();

        CloudTrailEvent back = CloudTrailEvent.byUser(ALICE).from("203.0.113.10").at(DAY_0.plus(Duration.ofDays(27)));
        send(back);
        assertThat(statefulAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo(DormantCredentialReactivatedDetector.INFO.id());
            assertThat(alert.eventIds()).containsExactly(back.eventId());
            assertThat(alert.unusual()).endsWith("after 27 days idle");
        });
        assertThat(profile(ALICE).networks()).as("whole again once used").isNotEmpty();
    }

    private PrincipalProfile profile(String principal) {
        return topology.driver().<String, PrincipalProfile>getKeyValueStore(StoreNames.PRINCIPAL_PROFILES)
                .get(principal);
    }

    private void send(CloudTrailEvent event) {
        topology.send(event);
    }

    /** Moves stream time on with a call of an unrelated user. */
    private void tick(Instant to) {
        send(CloudTrailEvent.byUser(TICKER).at(to));
    }

    private List<Alert> statefulAlerts() {
        return topology.alerts().stream().filter(alert -> STATEFUL.contains(alert.detector())).toList();
    }
}
