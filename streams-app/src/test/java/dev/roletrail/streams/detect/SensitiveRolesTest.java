package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SensitiveRolesTest {

    private final SensitiveRoles roles = new SensitiveRoles(List.of("*:role/*Admin*"), List.of("*:role/*BreakGlass*"));

    @Test
    void shouldCountABreakGlassRoleAsSensitive() {
        String breakGlass = "arn:aws:iam::111122223333:role/BreakGlass";

        assertThat(roles.breakGlass(breakGlass)).isTrue();
        assertThat(roles.sensitive(breakGlass)).isTrue();
    }

    @Test
    void shouldGiveTheSameAnswerAskedAgain() {
        String admin = "arn:aws:iam::111122223333:role/OrgAdmin";
        String app = "arn:aws:iam::111122223333:role/App";

        for (int i = 0; i < 3; i++) {
            assertThat(roles.sensitive(admin)).isTrue();
            assertThat(roles.breakGlass(admin)).isFalse();
            assertThat(roles.sensitive(app)).isFalse();
            assertThat(roles.breakGlass(app)).isFalse();
        }
        assertThat(roles.sensitive(null)).isFalse();
        assertThat(roles.breakGlass(null)).isFalse();
    }

    @Test
    void shouldAnswerRightPastTheRolesItRemembers() {
        for (int i = 0; i < SensitiveRoles.REMEMBERED + 10; i++) {
            String role = "arn:aws:iam::111122223333:role/" + (i % 2 == 0 ? "Admin" : "App") + i;
            assertThat(roles.sensitive(role)).as(role).isEqualTo(i % 2 == 0);
        }
        assertThat(roles.sensitive("arn:aws:iam::111122223333:role/Admin0")).isTrue();
        assertThat(roles.sensitive("arn:aws:iam::111122223333:role/App1")).isFalse();
    }

    @Test
    void shouldBeEqualByPatterns() {
        assertThat(new SensitiveRoles(List.of("*:role/*Admin*"), List.of("*:role/*BreakGlass*"))).isEqualTo(roles)
                .hasSameHashCodeAs(roles);
        assertThat(new SensitiveRoles(List.of("*:role/prod-*"), List.of("*:role/*BreakGlass*"))).isNotEqualTo(roles);
    }
}
