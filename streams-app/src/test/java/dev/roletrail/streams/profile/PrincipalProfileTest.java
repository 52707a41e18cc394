package dev.roletrail.streams.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.profile.SeenValues.Seen;
import dev.roletrail.testkit.CloudTrailEvent;

class PrincipalProfileTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/Deploy";
    private static final Instant NINE = Instant.parse("2026-11-18T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-18T10:00:00Z");

    @Test
    void shouldKeepARolesSessionNetworksUserAgentsAndTemporaryKeys() {
        Observation first = TestObservations.of(CloudTrailEvent.byRoleSession(ROLE, "ci").at(TEN)
                .from("203.0.113.7").userAgent("aws-cli/2.15.0 Python/3.11").withAccessKey("ASIAFIRST000000000001"));
        Observation second = TestObservations.of(CloudTrailEvent.byRoleSession(ROLE, "ci").at(NINE)
                .from("203.0.113.99").userAgent("aws-cli/2.15.1 Python/3.11").withAccessKey("ASIAFIRST000000000001"));

        PrincipalProfile profile = PrincipalProfile.first(first).observe(second);

        assertThat(profile.principal()).isEqualTo(ROLE);
        assertThat(profile.events()).isEqualTo(2);
        assertThat(profile.firstSeen()).isEqualTo(NINE);
        assertThat(profile.lastSeen()).isEqualTo(TEN);
        assertThat(profile.networks()).containsExactly(new Seen("203.0.113.0/24", NINE, TEN, 2));
        assertThat(profile.userAgents()).singleElement().satisfies(ua -> {
            assertThat(ua.count()).isEqualTo(2);
            assertThat(ua.first()).isEqualTo(NINE);
        });
        assertThat(profile.temporaryKeys()).containsExactly(new Seen("ASIAFIRST000000000001", NINE, TEN, 2));
    }

    @Test
    void shouldKeepNoTemporaryKeyForAUsersLongTermKey() {
        Observation call = TestObservations.of(CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/alice").at(TEN)
                .from("198.51.100.4").withAccessKey("AKIAALICE00000000001"));

        assertThat(PrincipalProfile.first(call).temporaryKeys()).isEmpty();
        assertThat(PrincipalProfile.first(call).networks()).extracting(Seen::value).containsExactly("198.51.100.0/24");
    }

    @Test
    void shouldReadAProfileStoredBeforeTheseWereKept() {
        PrincipalProfile old = new PrincipalProfile(ROLE, null, "111122223333", NINE, TEN, 3, null, null, null);

        assertThat(old.userAgents()).isEmpty();
        assertThat(old.networks()).isEmpty();
        assertThat(old.temporaryKeys()).isEmpty();
    }

    @Test
    void shouldForgetTheLeastRecentlySeenValueWhenFull() {
        List<Seen> seen = List.of();
        for (int i = 0; i < 3; i++) {
            seen = SeenValues.with(seen, "net-" + i, NINE.plusSeconds(i), 3);
        }
        seen = SeenValues.with(seen, "net-0", TEN, 3);

        seen = SeenValues.with(seen, "net-new", TEN.plusSeconds(1), 3);

        assertThat(seen).extracting(Seen::value).containsExactly("net-0", "net-2", "net-new");
        assertThat(SeenValues.with(seen, null, TEN, 3)).isSameAs(seen);
        assertThat(SeenValues.with(seen, "net-late", NINE, 3)).as("older than every kept value: not taken in")
                .isSameAs(seen);
    }

    @Test
    void shouldKeepTheSameValuesWhateverOrderTheCallsArriveIn() {
        List<Seen> forward = List.of();
        List<Seen> backward = List.of();
        for (int i = 0; i < 10; i++) {
            forward = SeenValues.with(forward, "key-" + i, NINE.plusSeconds(i), 4);
            backward = SeenValues.with(backward, "key-" + (9 - i), NINE.plusSeconds(9 - i), 4);
        }

        assertThat(backward).isEqualTo(forward);
        assertThat(forward).extracting(Seen::value).containsExactly("key-6", "key-7", "key-8", "key-9");
    }
}
