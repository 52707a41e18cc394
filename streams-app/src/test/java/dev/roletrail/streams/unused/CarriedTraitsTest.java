package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.nhi.Trait;

class CarriedTraitsTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/App";
    private static final String ALICE = "arn:aws:iam::444455556666:user/alice";
    private static final String ALICE_ACCOUNT = "444455556666";
    private static final Instant AT = Instant.parse("2026-10-01T09:00:00Z");
    private static final Trait TRAIT = new Trait(Trait.SESSION, "aws-cli", "203.0.113.0/24", 2);

    private static final UsageSignal USE = new UsageSignal(ALICE, AT, false, "sts:AssumeRole", null, null, null, null,
            null);
    private static final UsageSignal ASSUMED = new UsageSignal(ROLE, AT, true, null, null, ALICE, ALICE,
            "203.0.113.0/24", "aws-cli");
    private static final UsageSignal ALICE_TRAIT = UsageSignal.trait(ALICE, AT, TRAIT, ROLE);
    private static final UsageSignal ACCOUNT_TRAIT = UsageSignal.trait(ALICE_ACCOUNT, AT, TRAIT, ROLE);

    @Test
    void shouldLetTheUseOfTheSameEntityCarryItsTrait() {
        assertThat(CarriedTraits.merge(List.of(USE, ASSUMED, ALICE_TRAIT, ACCOUNT_TRAIT)))
                .containsExactly(USE.carrying(ALICE_TRAIT), ASSUMED, ACCOUNT_TRAIT);
        assertThat(USE.carrying(ALICE_TRAIT)).extracting(UsageSignal::action, UsageSignal::trait, UsageSignal::reached)
                .containsExactly("sts:AssumeRole", TRAIT, ROLE);
    }

    @Test
    void shouldSendATraitAloneWhenItsEntityHasNoNewUse() {
        assertThat(CarriedTraits.merge(List.of(ASSUMED, ALICE_TRAIT))).containsExactly(ASSUMED, ALICE_TRAIT);
        assertThat(CarriedTraits.merge(List.of(ALICE_TRAIT))).containsExactly(ALICE_TRAIT);
    }

    @Test
    void shouldNotLetAnAssumptionOrACreationCarryATrait() {
        UsageSignal selfAssumed = new UsageSignal(ALICE, AT, true, null, null, ROLE, ROLE, "10.0.0.0/24", "boto3");
        UsageSignal created = UsageSignal.creation(ALICE, AT, ROLE);

        assertThat(CarriedTraits.merge(List.of(selfAssumed, created, ALICE_TRAIT)))
                .containsExactly(selfAssumed, created, ALICE_TRAIT);
    }

    @Test
    void shouldLeaveSignalsOfAnotherTimeApart() {
        UsageSignal later = UsageSignal.trait(ALICE, AT.plusSeconds(1), TRAIT, null);

        assertThat(CarriedTraits.merge(List.of(USE, later))).containsExactly(USE, later);
    }
}
