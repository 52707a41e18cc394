package dev.roletrail.streams.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RoleAssumersTest {

    private static final String USERS = "111122223333/IAM_USER";
    private static final String SESSIONS = "111122223333/ROLE";
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant LONG_AGO = Instant.EPOCH;
    private static final Instant LATER = T0.plus(Duration.ofDays(365));

    @Test
    void shouldCountOtherAssumersOfTheGroupSeenSinceTheGivenTime() {
        RoleAssumers assumers = RoleAssumers.NONE
                .seen("bob", USERS, T0, LONG_AGO)
                .seen("carol", USERS, T0.plus(Duration.ofDays(10)), LONG_AGO)
                .seen("build", SESSIONS, T0.plus(Duration.ofDays(10)), LONG_AGO)
                .seen("alice", USERS, T0.plus(Duration.ofDays(10)), LONG_AGO);

        assertThat(assumers.peers(USERS, "alice", LONG_AGO, LATER)).as("bob and carol; not alice herself, not build")
                .isEqualTo(2);
        assertThat(assumers.peers(USERS, "alice", T0.plus(Duration.ofDays(1)), LATER)).as("bob's use is older")
                .isEqualTo(1);
        assertThat(assumers.peers(USERS, "alice", LONG_AGO, T0.plus(Duration.ofDays(9)))).as("carol's is later")
                .isEqualTo(1);
        assertThat(assumers.peers(null, "alice", LONG_AGO, LATER)).as("no group, no peers").isZero();
    }

    @Test
    void shouldKeepOneEntryPerAssumerAtItsLatestReport() {
        RoleAssumers assumers = RoleAssumers.NONE
                .seen("bob", USERS, T0.plus(Duration.ofDays(5)), LONG_AGO)
                .seen("bob", USERS, T0, LONG_AGO);

        assertThat(assumers.assumers()).singleElement()
                .satisfies(a -> assertThat(a.seen()).as("a late older report does not move it back")
                        .isEqualTo(T0.plus(Duration.ofDays(5))));
    }

    @Test
    void shouldForgetAssumersNotReportedSinceTheGivenTime() {
        RoleAssumers assumers = RoleAssumers.NONE
                .seen("bob", USERS, T0, LONG_AGO)
                .seen("carol", USERS, T0.plus(Duration.ofDays(40)), T0.plus(Duration.ofDays(10)));

        assertThat(assumers.assumers()).extracting(RoleAssumers.Assumer::id).containsExactly("carol");
    }

    @Test
    void shouldKeepTheMostRecentlyReportedWithinTheCaps() {
        RoleAssumers assumers = RoleAssumers.NONE;
        for (int i = 0; i < RoleAssumers.PER_GROUP + 4; i++) {
            assumers = assumers.seen("user-" + i, USERS, T0.plus(Duration.ofMinutes(i)), LONG_AGO);
        }
        assertThat(assumers.peers(USERS, "nobody", LONG_AGO, LATER)).isEqualTo(RoleAssumers.PER_GROUP);
        assertThat(assumers.assumers()).extracting(RoleAssumers.Assumer::id)
                .doesNotContain("user-0", "user-1", "user-2", "user-3").contains("user-4", "user-19");

        for (int i = 0; i < RoleAssumers.TOTAL; i++) {
            assumers = assumers.seen("account-" + i, i + "/IAM_USER", T0.plus(Duration.ofDays(1)), LONG_AGO);
        }
        assertThat(assumers.assumers()).hasSize(RoleAssumers.TOTAL)
                .extracting(RoleAssumers.Assumer::group).doesNotContain(USERS);
    }

    @Test
    void shouldIgnoreAnAssumerWithoutAGroup() {
        assertThat(RoleAssumers.NONE.seen("someone", null, T0, LONG_AGO)).isSameAs(RoleAssumers.NONE);
    }
}
