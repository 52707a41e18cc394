package dev.roletrail.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;

class UserDirectoryTest {

    private static final SimulationSpec MILLION = new SimulationSpec(7, 3, 1_000_000, 21, 1_000,
            SimulationSpec.DEFAULT_START);

    private final UserDirectory users = Simulator.organization(MILLION).users();

    @Test
    void shouldDeriveTheSameUserForAnIndexEveryTime() {
        assertThat(users.get(765_432)).isEqualTo(users.get(765_432));
        assertThat(Simulator.organization(MILLION).users().get(999_999)).isEqualTo(users.get(999_999));
    }

    @Test
    void shouldGiveAnotherSeedOtherUsers() {
        UserDirectory other = Simulator.organization(MILLION.withSeed(8)).users();

        assertThat(other.get(42).accessKeyId()).isNotEqualTo(users.get(42).accessKeyId());
    }

    @Test
    void shouldFindTheUserOfAKeyOrUserIdByItsIndex() {
        for (int index : List.of(0, 4, 5, 123_456, 999_999)) {
            SimUser user = users.get(index);
            assertThat(users.indexOfKey(user.accessKeyId())).as(user.accessKeyId()).isEqualTo(index);
            assertThat(users.indexOfUserId(user.userId())).as(user.userId()).isEqualTo(index);
        }
        assertThat(users.indexOfKey("AKIAIOSFODNN7EXAMPLE")).isEqualTo(-1);
        assertThat(users.indexOfKey(users.get(5).userId())).as("a user id is not a key").isEqualTo(-1);
    }

    @Test
    void shouldPutTheNamedUsersFirstAndDealPeopleToTheAccountsInTurn() {
        Organization org = Simulator.organization(MILLION);

        assertThat(users.named()).extracting(SimUser::name).containsExactly(OrganizationBuilder.OPS_ADMIN,
                OrganizationBuilder.DORMANT_USER, OrganizationBuilder.DORMANT_KEY_USER,
                OrganizationBuilder.INACTIVE_USER, OrganizationBuilder.BATCH_USER, OrganizationBuilder.SHARED_KEY_USER);
        int people = UserDirectory.NAMED_COUNT;
        assertThat(users.subList(people, people + 3)).extracting(SimUser::account)
                .containsExactlyElementsOf(org.accountIds());
        assertThat(users.indexesIn(org.accountIds().get(1)).limit(3))
                .containsExactly(people + 1, people + 4, people + 7);
        assertThat(users.get(999_999).habit()).isEqualTo(Habit.DAILY);
    }
}
