package dev.roletrail.ingest.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.ingest.inventory.InventoryPlan.Held;
import dev.roletrail.schemas.inventory.IamGroup;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.SnapshotSource;

class InventoryPlanTest {

    private static final Instant OLD = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NEW = Instant.parse("2026-11-24T00:00:00Z");
    private static final SnapshotSource DETAILS = SnapshotSource.AUTHORIZATION_DETAILS;

    @Test
    void shouldDeleteWhatTheNewerSnapshotOfTheAccountNoLongerLists() {
        Map<String, Held> held = Map.of(
                arn("111122223333", "kept"), new Held("111122223333", DETAILS, OLD),
                arn("111122223333", "gone"), new Held("111122223333", DETAILS, OLD),
                arn("444455556666", "other-account"), new Held("444455556666", DETAILS, OLD),
                arn("111122223333", "kept") + "#credentials", new Held("111122223333", SnapshotSource.CREDENTIAL_REPORT, OLD),
                "arn:aws:iam::aws:policy/ReadOnlyAccess", new Held("aws", DETAILS, OLD));

        InventoryPlan plan = InventoryPlan.of(snapshot(NEW, group("111122223333", "kept", NEW)), held);

        assertThat(plan.upserts()).extracting(InventoryEntity::key).containsExactly(arn("111122223333", "kept"));
        assertThat(plan.tombstones()).as("only this account's entities of this kind")
                .containsExactly(arn("111122223333", "gone"));
        assertThat(plan.staleSince()).isEmpty();
    }

    @Test
    void shouldChangeNothingForASnapshotOlderThanTheOneHeld() {
        Map<String, Held> held = Map.of(arn("111122223333", "a"), new Held("111122223333", DETAILS, NEW));

        InventoryPlan plan = InventoryPlan.of(snapshot(OLD, group("111122223333", "b", OLD)), held);

        assertThat(plan.upserts()).isEmpty();
        assertThat(plan.tombstones()).isEmpty();
        assertThat(plan.staleSince()).contains(NEW);
    }

    private static InventorySnapshot snapshot(Instant takenAt, InventoryEntity... entities) {
        return new InventorySnapshot("test", "111122223333", DETAILS, takenAt, List.of(entities));
    }

    private static IamGroup group(String account, String name, Instant takenAt) {
        return new IamGroup(arn(account, name), account, takenAt, name, "AGPA" + name, "/", null, List.of(), List.of());
    }

    private static String arn(String account, String name) {
        return "arn:aws:iam::" + account + ":group/" + name;
    }
}
