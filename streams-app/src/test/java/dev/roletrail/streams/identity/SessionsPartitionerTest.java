package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.Session;

/** Sessions go where their principal's CloudTrail records go; a watermark goes to every lineage task. */
class SessionsPartitionerTest {

    private final SessionsPartitioner partitioner = new SessionsPartitioner();

    @Test
    void shouldLeaveASessionToTheDefaultPartitionerLikeTheInputTopic() {
        Instant issued = Instant.parse("2026-10-01T09:00:00Z");
        Session session = new Session("ASIAEXAMPLE000000001", "arn:aws:iam::111122223333:role/Jump",
                "arn:aws:iam::111122223333:user/alice", List.of(), null, "AssumeRole", "alice", issued,
                issued.plusSeconds(3600), null, "event");

        assertThat(partitioner.partitions("roletrail.sessions", session.actingAs(), session, 12)).isEmpty();
    }

    @Test
    void shouldSendAWatermarkToEveryPartition() {
        assertThat(partitioner.partitions("roletrail.sessions", "3", null, 4))
                .hasValueSatisfying(partitions -> assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2, 3));
    }
}
