package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.TestStores;
import dev.roletrail.streams.state.StateSerde;
import dev.roletrail.testkit.CloudTrailEvent;

class HeldRowsTest {

    private static final String JUMP = "arn:aws:iam::111122223333:role/Jump";
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private final KeyValueStore<String, CloudTrailRecord> store =
            TestStores.inMemory("held-event-rows", StateSerde.of(CloudTrailRecord.class));
    private final HeldRows rows = new HeldRows(store);

    @Test
    void shouldGiveAKeysEventsBackInArrivalOrderOnceAndLeaveOtherKeysAlone() {
        List<CloudTrailRecord> events = List.of(call("ASIAKEYA", 0), call("ASIAKEYA", 1), call("ASIAKEYA", 2));
        rows.append("ASIAKEYA", 0, events.get(0));
        rows.append("ASIAKEYA", 1, events.get(1));
        // Number 10 sorts after 9 and 2 only if numbers are padded.
        rows.append("ASIAKEYA", 10, events.get(2));
        CloudTrailRecord other = call("ASIAKEYAB", 0);
        rows.append("ASIAKEYAB", 0, other);

        assertThat(rows.take("ASIAKEYA")).containsExactlyElementsOf(events);
        assertThat(rows.take("ASIAKEYA")).as("taken once").isEmpty();
        assertThat(rows.take("ASIAKEYAB")).as("a key id that begins with another's").containsExactly(other);
        assertThat(store.approximateNumEntries()).isZero();
    }

    private static CloudTrailRecord call(String keyId, int minute) {
        return TestObservations.record(CloudTrailEvent.byRoleSession(JUMP, "s").withAccessKey(keyId)
                .at(T0.plusSeconds(60L * minute)).json());
    }
}
