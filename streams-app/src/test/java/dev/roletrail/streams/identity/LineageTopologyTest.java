package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.TopologyFixture;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.testkit.CloudTrailEvent;

/** Session lineage through the real topology: sessions travel through roletrail.sessions and come back. */
class LineageTopologyTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String JUMP = "arn:aws:iam::111122223333:role/Jump";
    private static final String TARGET = "arn:aws:iam::444455556666:role/Target";
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private TopologyFixture topology;

    @BeforeEach
    void start() {
        topology = new TopologyFixture(Map.of("detector.learning-period", "0d"));
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void shouldFollowAChainBackToItsOrigin() {
        CloudTrailEvent first = CloudTrailEvent.byUser(ALICE).assumeRole(JUMP).requestParameter("sourceIdentity", "alice")
                .at(T0).from("198.51.100.7");
        send(ALICE, first);
        CloudTrailEvent second = CloudTrailEvent.byRoleSession(JUMP, "alice").withAccessKey(first.issuedKeyId())
                .assumeRole(TARGET).at(T0.plusSeconds(60)).from("198.51.100.7");
        send(JUMP, second);

        List<Session> issued = topology.sessions();

        assertThat(issued).extracting(Session::actingAs).containsExactly(JUMP, TARGET);
        Session targetSession = issued.get(1);
        assertThat(targetSession.origin()).isEqualTo(ALICE);
        assertThat(targetSession.chain()).containsExactly(ALICE, JUMP, TARGET);
        assertThat(targetSession.sourceIdentity()).isEqualTo("alice");
        assertThat(targetSession.keyId()).isEqualTo(second.issuedKeyId());
        KeyValueStore<String, Session> store = topology.driver().getKeyValueStore(StoreNames.SESSIONS);
        assertThat(store.get(first.issuedKeyId())).isEqualTo(issued.get(0));
    }

    @Test
    void shouldNameTheOriginOnAlertsRaisedInsideAChain() {
        CloudTrailEvent first = CloudTrailEvent.byUser(ALICE).assumeRole(JUMP).at(T0);
        send(ALICE, first);
        send(JUMP, CloudTrailEvent.byRoleSession(JUMP, "alice").withAccessKey(first.issuedKeyId())
                .assumeRole(TARGET).at(T0.plusSeconds(60)));

        List<Alert> raised = topology.alerts();

        assertThat(raised).filteredOn(a -> a.role().equals(TARGET) && a.detector().equals("first-time-assumption"))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.principal()).isEqualTo(JUMP);
                    assertThat(alert.origin()).isEqualTo(ALICE);
                    assertThat(alert.chain()).containsExactly(ALICE, JUMP);
                });
    }

    @Test
    void shouldTreatASessionThatBeganBeforeTheDataAsItsOwnOriginOnceTheHoldIsOver() {
        send(JUMP, CloudTrailEvent.byRoleSession(JUMP, "old").assumeRole(TARGET).at(T0));
        assertThat(topology.sessions()).as("held: its session may still be on its way").isEmpty();

        send(ALICE, CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofMinutes(11))));

        assertThat(topology.sessions()).singleElement().satisfies(session -> {
            assertThat(session.origin()).isEqualTo(JUMP);
            assertThat(session.chain()).containsExactly(JUMP, TARGET);
        });
    }

    /**
     * An organisation trail's two copies of one cross-account AssumeRole, in either order: the caller's (alice, in her
     * account) and the role owner's (her account alone). The session's calls carry alice's lineage either way.
     */
    @ParameterizedTest(name = "owner's copy first: {0}")
    @ValueSource(booleans = {true, false})
    void shouldKeepTheCallersCopyOfACrossAccountSessionWhicheverArrivesFirst(boolean ownersCopyFirst) {
        CloudTrailEvent callers = CloudTrailEvent.byUser(ALICE).assumeRole(TARGET).at(T0);
        CloudTrailEvent owners = CloudTrailEvent.byAccount("111122223333").recipient("444455556666")
                .eventId("owners-copy").assumeRole(TARGET).issuing(callers.issuedKeyId()).at(T0);
        send(ownersCopyFirst ? "account:111122223333" : ALICE, ownersCopyFirst ? owners : callers);
        send(TARGET, CloudTrailEvent.byRoleSession(TARGET, "session").withAccessKey(callers.issuedKeyId())
                .assumeRole(JUMP).at(T0.plusSeconds(30)));
        send(ownersCopyFirst ? ALICE : "account:111122223333", ownersCopyFirst ? callers : owners);

        assertThat(topology.sessions()).filteredOn(session -> session.actingAs().equals(JUMP)).singleElement()
                .satisfies(session -> {
                    assertThat(session.origin()).isEqualTo(ALICE);
                    assertThat(session.chain()).containsExactly(ALICE, TARGET, JUMP);
                });
        KeyValueStore<String, Session> store = topology.driver().getKeyValueStore(StoreNames.SESSIONS);
        assertThat(store.get(callers.issuedKeyId()).origin()).isEqualTo(ALICE);
    }

    @Test
    void shouldGiveAnAccountOnlySessionsCallsItsLineageOnceTheHoldIsOver() {
        CloudTrailEvent owners = CloudTrailEvent.byAccount("999988887777").recipient("444455556666")
                .assumeRole(TARGET).at(T0);
        send("account:999988887777", owners);
        send(TARGET, CloudTrailEvent.byRoleSession(TARGET, "vendor").withAccessKey(owners.issuedKeyId())
                .assumeRole(JUMP).at(T0.plusSeconds(30)));
        assertThat(topology.sessions()).as("the call waits for a caller's copy that may come")
                .noneMatch(session -> session.actingAs().equals(JUMP));

        send(ALICE, CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofMinutes(11))));

        assertThat(topology.sessions()).filteredOn(session -> session.actingAs().equals(JUMP)).singleElement()
                .satisfies(session -> assertThat(session.chain())
                        .containsExactly("account:999988887777", TARGET, JUMP));
    }

    @Test
    void shouldDropADuplicateDeliveryOfTheSameEvent() {
        CloudTrailEvent first = CloudTrailEvent.byUser(ALICE).assumeRole(JUMP).at(T0);
        send(ALICE, first);
        send(ALICE, first);

        assertThat(topology.sessions()).hasSize(1);
    }

    @Test
    void shouldKeepHoldingInABackfillUntilTheWallClockMinimumIsOverSoALateSessionStillGivesTheOrigin() {
        topology.close();
        topology = new TopologyFixture(Map.of("detector.learning-period", "0d", "streams.lineage-hold-wall", "10s"));
        CloudTrailEvent issuing = CloudTrailEvent.byUser(ALICE).assumeRole(JUMP).at(T0);
        // A backfill: the session's own call, and far later events, reach the task before the session comes back.
        send(JUMP, CloudTrailEvent.byRoleSession(JUMP, "alice").withAccessKey(issuing.issuedKeyId())
                .assumeRole(TARGET).at(T0.plusSeconds(60)));
        send(ALICE, CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofHours(2))));
        assertThat(topology.sessions()).as("stream time is past the hold, the wall clock is not").isEmpty();

        send(ALICE, issuing);

        assertThat(topology.sessions()).extracting(Session::chain)
                .containsExactly(List.of(ALICE, JUMP), List.of(ALICE, JUMP, TARGET));
    }

    @Test
    void shouldReleaseWithoutAnOriginOnceBothHoldsAreOver() {
        topology.close();
        topology = new TopologyFixture(Map.of("detector.learning-period", "0d", "streams.lineage-hold-wall", "10s"));
        send(JUMP, CloudTrailEvent.byRoleSession(JUMP, "old").withAccessKey("ASIAOLDSESSION000001").assumeRole(TARGET)
                .at(T0));
        send(ALICE, CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofMinutes(11))));
        assertThat(topology.sessions()).isEmpty();

        topology.driver().advanceWallClockTime(Duration.ofSeconds(10));

        assertThat(topology.sessions()).singleElement().satisfies(session ->
                assertThat(session.chain()).containsExactly(JUMP, TARGET));
    }

    @Test
    void shouldReleaseByStreamTimeAloneWithOnePartitionSinceNoSessionIsOnItsWay() {
        topology.close();
        topology = TopologyFixture.onePartition(Map.of("detector.learning-period", "0d",
                "streams.lineage-hold-wall", "10s"));
        send(JUMP, CloudTrailEvent.byRoleSession(JUMP, "old").withAccessKey("ASIAOLDSESSION000001").assumeRole(TARGET)
                .at(T0));

        send(ALICE, CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofMinutes(11))));

        assertThat(topology.sessions()).as("every session is issued here: the wall clock has nothing to wait for")
                .singleElement().satisfies(session -> assertThat(session.chain()).containsExactly(JUMP, TARGET));
    }

    @Test
    void shouldDeliverEverySessionAtOnceWithOnePartitionAndIgnoreItsCopyFromTheTopic() {
        topology.close();
        topology = TopologyFixture.onePartition(Map.of("detector.learning-period", "0d"));
        CloudTrailEvent issuing = CloudTrailEvent.byUser(ALICE).assumeRole(JUMP).at(T0);
        send(ALICE, issuing);
        Session delivered = topology.sessions().get(0);
        KeyValueStore<String, Session> sessions = topology.driver().getKeyValueStore(StoreNames.SESSIONS);
        assertThat(sessions.get(issuing.issuedKeyId())).isEqualTo(delivered);

        // Its copy through roletrail.sessions, arriving later (altered here to show whether it is read).
        topology.sendSession(JUMP, new Session(delivered.keyId(), JUMP, "arn:aws:iam::111122223333:user/mallory",
                List.of(), null, "AssumeRole", "copy", T0, T0.plus(Duration.ofHours(1)), null, "copy"));

        assertThat(sessions.get(issuing.issuedKeyId())).isEqualTo(delivered);
    }

    @Test
    void shouldKeepASessionForItsOwnLaterCallsWhileAnotherTasksSessionsComeHoursAhead() {
        CloudTrailEvent issuing = CloudTrailEvent.byUser(ALICE).assumeRole(JUMP).at(T0);
        send(ALICE, issuing);
        // In a backfill another task runs hours ahead (or this one restarts behind it): its sessions reach this task
        // before this task's own input has caught up, and Kafka Streams processes them when no own record is waiting.
        String bob = "arn:aws:iam::111122223333:user/bob";
        Instant ahead = T0.plus(Duration.ofHours(5));
        topology.sendSession(JUMP, new Session("ASIAAHEADSESSION0001", JUMP, bob, List.of(bob, JUMP), null,
                "AssumeRole", "bob", ahead, ahead.plus(Duration.ofHours(1)), null, "e-ahead"));

        send(JUMP, CloudTrailEvent.byRoleSession(JUMP, "alice").withAccessKey(issuing.issuedKeyId())
                .assumeRole(TARGET).at(T0.plus(Duration.ofMinutes(30))));

        assertThat(topology.sessions()).extracting(Session::chain).as("the call still finds alice's session")
                .containsExactly(List.of(ALICE, JUMP), List.of(ALICE, JUMP, TARGET));
    }

    @Test
    void shouldKeepHoldingWhileOtherTasksStillSendSessionsAndReleaseOnceNothingComes() {
        topology.close();
        topology = new TopologyFixture(Map.of("detector.learning-period", "0d", "streams.lineage-hold-wall", "10m",
                "streams.lineage-idle-release", "2m"));
        send(JUMP, CloudTrailEvent.byRoleSession(JUMP, "old").withAccessKey("ASIAOLDSESSION000001").assumeRole(TARGET)
                .at(T0));
        String bob = "arn:aws:iam::111122223333:user/bob";

        // This task's input has stopped, but sessions still come: other tasks of the backfill are at work, and the
        // one this call waits for may be among what they issue next.
        topology.driver().advanceWallClockTime(Duration.ofSeconds(90));
        topology.sendSession(JUMP, new Session("ASIAOTHERSESSION0001", JUMP, bob, List.of(bob, JUMP), null,
                "AssumeRole", "bob", T0, T0.plus(Duration.ofHours(1)), null, "e-other"));
        topology.driver().advanceWallClockTime(Duration.ofSeconds(60));
        assertThat(topology.sessions()).as("held: a record came within the idle-release time").isEmpty();

        topology.driver().advanceWallClockTime(Duration.ofSeconds(60));

        assertThat(topology.sessions()).as("two minutes without any record").singleElement()
                .satisfies(session -> assertThat(session.chain()).containsExactly(JUMP, TARGET));
    }

    @Test
    void shouldForgetExpiredSessionsAndReleasedKeysOnceStreamTimeIsPastThem() {
        CloudTrailEvent issuing = CloudTrailEvent.byUser(ALICE).assumeRole(JUMP).at(T0);
        send(ALICE, issuing);
        String unknownKey = "ASIAUNKNOWNSESSION01";
        send(JUMP, CloudTrailEvent.byRoleSession(JUMP, "old").withAccessKey(unknownKey).at(T0));
        KeyValueStore<String, Session> sessions = topology.driver().getKeyValueStore(StoreNames.SESSIONS);
        KeyValueStore<String, HeldEvents> held = topology.driver().getKeyValueStore(StoreNames.HELD_EVENTS);
        assertThat(sessions.get(issuing.issuedKeyId())).isNotNull();
        assertThat(held.get(unknownKey)).isNotNull();

        send(ALICE, CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofMinutes(119))));
        assertThat(sessions.get(issuing.issuedKeyId())).as("kept an hour past its expiry").isNotNull();
        assertThat(held.get(unknownKey).released()).as("released when the hold was over").isTrue();

        send(ALICE, CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofMinutes(121))));
        assertThat(sessions.get(issuing.issuedKeyId())).isNull();
        assertThat(held.get(unknownKey)).as("the released marker outlives the session").isNotNull();

        send(ALICE, CloudTrailEvent.byUser(ALICE).at(T0.plus(Duration.ofHours(37))));
        assertThat(held.get(unknownKey)).isNull();
    }

    private void send(String key, CloudTrailEvent event) {
        topology.send(key, event.bytes());
    }
}
