package dev.roletrail.streams.nhi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OwnerTest {

    private static final String CAROL = "arn:aws:iam::111122223333:user/carol";
    private static final String DAVE = "arn:aws:iam::111122223333:user/dave";
    /** Carol is an active IAM user, Dave an inactive one; nobody else is an IAM user. */
    private static final Owner.People PEOPLE = value -> switch (value) {
        case "carol", "carol@example.com", CAROL -> Optional.of(new Owner.Person(CAROL, null));
        case "dave", "dave@example.com" -> Optional.of(new Owner.Person(DAVE, "owner dave has not signed in"));
        default -> Optional.empty();
    };
    private static final IdentitySettings DEFAULTS = IdentitySettings.defaults();

    @Test
    void shouldTakeTheFirstConfiguredTagPresent() {
        Optional<Owner> owner = Owner.of(Map.of("team", "payments", "Owner", "carol"), null, DEFAULTS, PEOPLE);

        assertThat(owner).contains(new Owner("payments", "tag:team", null));
    }

    @Test
    void shouldFallBackToTheCreatorAndThenToNobody() {
        assertThat(Owner.of(Map.of("CostCenter", "42"), CAROL, DEFAULTS, PEOPLE))
                .contains(new Owner(CAROL, Owner.CREATOR, null));
        assertThat(Owner.of(Map.of("owner", "  "), null, DEFAULTS, PEOPLE)).isEmpty();
    }

    @Test
    void shouldCallAnOwnerGoneWhenTheIamUserItNamesIsInactive() {
        assertThat(Owner.of(Map.of("owner", "dave@example.com"), null, DEFAULTS, PEOPLE))
                .hasValueSatisfying(o -> assertThat(o.orphaned()).isEqualTo("owner dave has not signed in"));
    }

    @Test
    void shouldCallAPersonWhoIsNoIamUserGoneOnlyWhenPeopleAreIamUsers() {
        IdentitySettings iamPeople = new IdentitySettings(List.of("owner"), true, 4);

        assertThat(Owner.of(Map.of("owner", "erin@example.com"), null, DEFAULTS, PEOPLE))
                .hasValueSatisfying(o -> assertThat(o.orphaned()).isNull());
        assertThat(Owner.of(Map.of("owner", "erin@example.com"), null, iamPeople, PEOPLE))
                .hasValueSatisfying(o -> assertThat(o.orphaned()).contains("names no IAM user"));
        assertThat(Owner.of(Map.of("owner", "payments"), null, iamPeople, PEOPLE))
                .as("a team is no person").hasValueSatisfying(o -> assertThat(o.orphaned()).isNull());
    }
}
