package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.unused.policy.CloudTrailActionMapper;
import dev.roletrail.testkit.CloudTrailEvent;

class UsageSignalsTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String APP = "arn:aws:iam::111122223333:role/App";
    private static final Instant AT = Instant.parse("2026-10-01T09:00:00Z");

    private final UsageSignals signals = new UsageSignals(new CloudTrailActionMapper());

    @Test
    void shouldRecordAUsersActionAndLongTermKey() {
        CloudTrailEvent call = CloudTrailEvent.byUser(ALICE).call("iam.amazonaws.com", "ListUsers").at(AT);

        String key = call.tree().at("/userIdentity/accessKeyId").asText();

        assertThat(key).startsWith("AKIA");
        assertThat(signals.of(TestObservations.of(call))).containsExactly(new UsageSignal(ALICE, AT, false,
                "iam:ListUsers", key, null, null, null, null));
    }

    @Test
    void shouldRecordTheCallersActionAndTheAssumptionOfTheRole() {
        CloudTrailEvent assume = CloudTrailEvent.byUser(ALICE).assumeRole(APP).from("203.0.113.9")
                .userAgent("aws-cli/2.15.0 Python/3.11").at(AT);

        List<UsageSignal> found = signals.of(TestObservations.of(assume));

        assertThat(found).extracting(UsageSignal::entity, UsageSignal::assumption, UsageSignal::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ALICE, false, "sts:AssumeRole"),
                        org.assertj.core.groups.Tuple.tuple(APP, true, null));
        assertThat(found.get(1)).satisfies(s -> {
            assertThat(s.assumer()).isEqualTo(ALICE);
            assertThat(s.origin()).isEqualTo(ALICE);
            assertThat(s.network()).isEqualTo("203.0.113.0/24");
        });
    }

    @Test
    void shouldNameTheAssumerOfAKnownRoleSessionAndNoActionForARefusedCall() {
        Session session = new Session("ASIAKEY", APP, ALICE, List.of(ALICE, APP), null, "AssumeRole", "s", AT,
                AT.plusSeconds(3600), "203.0.113.0/24", "evt-1");
        CloudTrailEvent refused = CloudTrailEvent.byRoleSession(APP, "s").call("s3.amazonaws.com", "CreateBucket")
                .denied().at(AT);

        assertThat(signals.of(TestObservations.inSession(refused, session))).containsExactly(
                new UsageSignal(APP, AT, false, null, null, ALICE, null, null, null));
    }

    @Test
    void shouldIgnorePrincipalsThatAreNotRolesUsersOrRoot() {
        CloudTrailEvent service = CloudTrailEvent.byAccount("444455556666").call("s3.amazonaws.com", "ListBuckets")
                .at(AT);

        assertThat(signals.of(TestObservations.of(service))).isEmpty();
    }
}
