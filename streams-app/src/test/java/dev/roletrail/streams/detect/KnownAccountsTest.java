package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class KnownAccountsTest {

    @Test
    void shouldCallExternalWhatIsNeitherInTheOrganisationNorTrusted() {
        KnownAccounts known = new KnownAccounts(Set.of("111122223333"), Set.of("444455556666"));

        assertThat(known.isExternal("999988887777", "999988887777")).as("configured: local accounts do not count")
                .isTrue();
        assertThat(known.isExternal("111122223333")).isFalse();
        assertThat(known.isExternal("444455556666")).isFalse();
        assertThat(known.isExternal(null)).isFalse();
    }

    @Test
    void shouldKnowOnlyTheLocalAccountsWhenNoOrganisationIsConfigured() {
        KnownAccounts known = new KnownAccounts(Set.of(), Set.of());

        assertThat(known.isExternal("111122223333", "111122223333", null)).isFalse();
        assertThat(known.isExternal("999988887777", "111122223333", null)).isTrue();
        assertThat(known.describe("111122223333", "111122223333"))
                .isEqualTo("no org.accounts configured, so only 111122223333 counts as ours; "
                        + "0 trusted external accounts");
    }
}
