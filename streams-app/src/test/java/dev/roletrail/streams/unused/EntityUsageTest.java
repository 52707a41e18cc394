package dev.roletrail.streams.unused;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.JsonSerde;

class EntityUsageTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/App";
    private static final Instant AT = Instant.parse("2026-10-01T09:00:00Z");

    private static UsageSignal call(String action, Instant at) {
        return new UsageSignal(ROLE, at, false, action, null, null, null, null, null);
    }

    @Test
    void shouldKeepTheLatestUseOfEachActionWhateverTheOrderOfArrival() {
        EntityUsage usage = EntityUsage.none(ROLE).with(call("s3:CreateBucket", AT.plusSeconds(60)))
                .with(call("s3:CreateBucket", AT)).with(call("s3:ListAllMyBuckets", AT));

        assertThat(usage.actions()).containsExactly(
                java.util.Map.entry("s3:CreateBucket", AT.plusSeconds(60)),
                java.util.Map.entry("s3:ListAllMyBuckets", AT));
        assertThat(usage.lastActive()).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedActionPastTheCap() {
        EntityUsage usage = EntityUsage.none(ROLE);
        for (int i = 0; i <= EntityUsage.MAX_ACTIONS; i++) {
            usage = usage.with(call("svc:Action" + i, AT.plus(Duration.ofMinutes(i))));
        }

        assertThat(usage.actions()).hasSize(EntityUsage.MAX_ACTIONS).doesNotContainKey("svc:Action0")
                .containsKey("svc:Action" + EntityUsage.MAX_ACTIONS);
    }

    @Test
    void shouldRecordAssumptionsApartFromOwnCalls() {
        EntityUsage usage = EntityUsage.none(ROLE).with(new UsageSignal(ROLE, AT, true, null, null,
                "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/alice", "203.0.113.0/24",
                "aws-cli"));

        assertThat(usage.actions()).isEmpty();
        assertThat(usage.assumers()).containsOnlyKeys("arn:aws:iam::111122223333:user/alice");
        assertThat(usage.networks()).containsOnlyKeys("203.0.113.0/24");
        assertThat(usage.clients()).containsOnlyKeys("aws-cli");
    }

    @Test
    void shouldSurviveTheStoreSerde() {
        EntityUsage usage = EntityUsage.none(ROLE).with(call("s3:CreateBucket", AT));
        JsonSerde<EntityUsage> serde = JsonSerde.of(EntityUsage.class);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", usage))).isEqualTo(usage);
    }
}
