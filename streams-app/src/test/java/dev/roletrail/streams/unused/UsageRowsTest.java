package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import dev.roletrail.streams.TestStores;
import dev.roletrail.streams.nhi.Trait;
import dev.roletrail.streams.state.DecodedCache;

class UsageRowsTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/App";
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final Instant AT = Instant.parse("2026-10-01T09:00:00Z");

    private final UsageRows rows = inMemory();

    /** Usage rows over a real in-memory store, as the findings step keeps them (decoded cache included). */
    static UsageRows inMemory() {
        return new UsageRows(DecodedCache.ofEntries(TestStores.inMemory("findings-usage", Serdes.Long()), 1_000));
    }

    private static UsageSignal call(String action, Instant at) {
        return new UsageSignal(ROLE, at, false, action, null, null, null, null, null);
    }

    @Test
    void shouldKeepTheLatestUseOfEachActionWhateverTheOrderOfArrival() {
        rows.record(call("s3:CreateBucket", AT.plusSeconds(60)));
        rows.record(call("s3:CreateBucket", AT));
        rows.record(call("s3:ListAllMyBuckets", AT));

        EntityUsage usage = rows.read(ROLE);
        assertThat(usage.actions()).containsExactly(Map.entry("s3:CreateBucket", AT.plusSeconds(60)),
                Map.entry("s3:ListAllMyBuckets", AT));
        assertThat(usage.lastActive()).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedActionPastTheCap() {
        for (int i = 0; i <= EntityUsage.MAX_ACTIONS; i++) {
            rows.record(call("svc:Action" + i, AT.plus(Duration.ofMinutes(i))));
        }
        rows.record(call("svc:Action5", AT.plus(Duration.ofDays(1))));

        assertThat(rows.read(ROLE).actions()).hasSize(EntityUsage.MAX_ACTIONS).doesNotContainKey("svc:Action0")
                .containsKeys("svc:Action1", "svc:Action" + EntityUsage.MAX_ACTIONS);
    }

    @Test
    void shouldRecordAssumptionsApartFromOwnCalls() {
        rows.record(new UsageSignal(ROLE, AT, true, null, null, ALICE, ALICE, "203.0.113.0/24", "aws-cli"));

        EntityUsage usage = rows.read(ROLE);
        assertThat(usage.actions()).isEmpty();
        assertThat(usage.assumers()).containsOnlyKeys(ALICE);
        assertThat(usage.origins()).containsOnlyKeys(ALICE);
        assertThat(usage.networks()).containsOnlyKeys("203.0.113.0/24");
        assertThat(usage.clients()).containsOnlyKeys("aws-cli");
        assertThat(usage.lastActive()).isEqualTo(AT);
    }

    @Test
    void shouldRecordAUseCarryingItsTraitAsTheUseAndTheTraitApart() {
        UsageSignal use = new UsageSignal(ALICE, AT, false, "s3:GetObject", "AKIAEXAMPLE", null, null, null, null);
        UsageSignal trait = UsageSignal.trait(ALICE, AT, new Trait("AKIAEXAMPLE", "aws-cli", "203.0.113.0/24", 2),
                ROLE);
        UsageRows apart = inMemory();
        apart.record(use);
        apart.record(trait);

        rows.record(use.carrying(trait));

        assertThat(rows.read(ALICE)).isEqualTo(apart.read(ALICE));
        assertThat(rows.read(ALICE).traits()).containsOnlyKeys(trait.trait().encode());
        assertThat(rows.read(ALICE).keys()).containsOnlyKeys("AKIAEXAMPLE");
    }

    @Test
    void shouldKeepEntitiesApartEvenWhenOneArnPrefixesAnother() {
        rows.record(call("s3:GetObject", AT));
        rows.record(new UsageSignal(ROLE + "Admin", AT, false, "iam:PassRole", "AKIAEXAMPLE", null, null, null,
                null));

        assertThat(rows.read(ROLE).actions()).containsOnlyKeys("s3:GetObject");
        assertThat(rows.read(ROLE).keys()).isEmpty();
        assertThat(rows.read(ROLE + "Admin").keys()).containsOnlyKeys("AKIAEXAMPLE");
    }

    @Test
    void shouldReadNothingForAnEntityNeverUsed() {
        assertThat(rows.read(ROLE)).isNull();
    }
}
