package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.detect.KnownAccounts;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.nhi.Trait;
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
        assertThat(uses(signals.of(TestObservations.of(call)))).containsExactly(new UsageSignal(ALICE, AT, false,
                "iam:ListUsers", key, null, null, null, null));
    }

    @Test
    void shouldRecordTheCallersActionAndTheAssumptionOfTheRole() {
        CloudTrailEvent assume = CloudTrailEvent.byUser(ALICE).assumeRole(APP).from("203.0.113.9")
                .userAgent("aws-cli/2.15.0 Python/3.11").at(AT);

        List<UsageSignal> found = uses(signals.of(TestObservations.of(assume)));

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

        assertThat(uses(signals.of(TestObservations.inSession(refused, session)))).containsExactly(
                new UsageSignal(APP, AT, false, null, null, ALICE, null, null, null));
    }

    @Test
    void shouldTellHowTheCallerCalledAndWhichRoleItReached() {
        CloudTrailEvent assume = CloudTrailEvent.byUser(ALICE).assumeRole(APP).from("203.0.113.9")
                .userAgent("aws-cli/2.15.0 Python/3.11").at(AT);
        String key = assume.tree().at("/userIdentity/accessKeyId").asText();

        // 2026-10-01 is a Thursday; 09:00 UTC is the day's third four-hour span.
        assertThat(traits(signals.of(TestObservations.of(assume)))).containsExactly(
                UsageSignal.trait(ALICE, AT, new Trait(key, "aws-cli", "203.0.113.0/24", 2), APP));
    }

    @Test
    void shouldTellAConsoleSignInAndASessionsCallsApart() {
        Observation signIn = StratusObservations.event("aws.initial-access.console-login-without-mfa.json",
                "ConsoleLogin");
        Session session = new Session("ASIAKEY", APP, ALICE, List.of(ALICE, APP), null, "AssumeRole", "s", AT,
                AT.plusSeconds(3600), "203.0.113.0/24", "evt-1");
        CloudTrailEvent call = CloudTrailEvent.byRoleSession(APP, "s").call("s3.amazonaws.com", "ListBuckets")
                .at(AT.plus(Duration.ofDays(2)));

        // Stratus signs in with its own user agent, not a browser's: the credential says it all.
        assertThat(traits(signals.of(signIn))).singleElement()
                .satisfies(s -> assertThat(s.trait().credential()).isEqualTo(Trait.PASSWORD));
        // Saturday: a weekend span.
        assertThat(traits(signals.of(TestObservations.inSession(call, session)))).singleElement()
                .satisfies(s -> assertThat(s.trait()).extracting(Trait::credential, Trait::span)
                        .containsExactly(Trait.SESSION, 2 + Trait.SPANS_PER_DAY));
    }

    @Test
    void shouldNameTheCreatorOfAUserAsTheOriginOfItsSessionChain() {
        Session session = new Session("ASIAKEY", APP, ALICE, List.of(ALICE, APP), null, "AssumeRole", "s", AT,
                AT.plusSeconds(3600), "203.0.113.0/24", "evt-1");
        String bob = "arn:aws:iam::111122223333:user/bob";
        CloudTrailEvent create = CloudTrailEvent.byRoleSession(APP, "s").iam("CreateUser")
                .responseElements("{\"user\": {\"arn\": \"" + bob + "\", \"userName\": \"bob\"}}").at(AT);
        CloudTrailEvent refused = CloudTrailEvent.byRoleSession(APP, "s").iam("CreateUser").denied().at(AT);

        assertThat(signals.of(TestObservations.inSession(create, session))).filteredOn(s -> !s.isUse())
                .containsExactly(UsageSignal.creation(bob, AT, ALICE));
        assertThat(signals.of(TestObservations.inSession(refused, session))).allMatch(UsageSignal::isUse);
    }

    @Test
    void shouldGiveAnExternalCallerAndItsAccountTraitsButNotAnAccountOfTheOrganisation() {
        UsageSignals withOrg = new UsageSignals(new CloudTrailActionMapper(),
                new KnownAccounts(Set.of("111122223333", "444455556666"), Set.of()));
        CloudTrailEvent outsider = CloudTrailEvent.byAccount("999988887777").assumeRole(APP).at(AT);
        CloudTrailEvent insider = CloudTrailEvent.byAccount("444455556666").assumeRole(APP).at(AT);

        assertThat(traits(withOrg.of(TestObservations.of(outsider)))).extracting(UsageSignal::entity, UsageSignal::reached)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("account:999988887777", APP));
        assertThat(traits(withOrg.of(TestObservations.of(insider)))).isEmpty();
    }

    /** The signals the findings read use from (not the inventory's traits, not creations). */
    private static List<UsageSignal> uses(List<UsageSignal> all) {
        return all.stream().filter(s -> s.trait() == null && s.isUse()).toList();
    }

    private static List<UsageSignal> traits(List<UsageSignal> all) {
        return all.stream().filter(s -> s.trait() != null).toList();
    }

    @Test
    void shouldIgnorePrincipalsThatAreNotRolesUsersOrRoot() {
        CloudTrailEvent service = CloudTrailEvent.byAccount("444455556666").call("s3.amazonaws.com", "ListBuckets")
                .at(AT);

        assertThat(signals.of(TestObservations.of(service))).isEmpty();
    }
}
