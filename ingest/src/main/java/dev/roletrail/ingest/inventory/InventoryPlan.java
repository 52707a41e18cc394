package dev.roletrail.ingest.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.SnapshotSource;

/**
 * What a snapshot changes in the inventory topic: every entity it lists is written, and every entity an earlier
 * snapshot of the same account and kind listed but this one does not is deleted (tombstone). A snapshot older than the
 * one already in the topic changes nothing.
 *
 * @param upserts    entities to write
 * @param tombstones keys to delete
 * @param staleSince when the snapshot is older than what the topic holds: the newer snapshot's time
 */
public record InventoryPlan(List<InventoryEntity> upserts, List<String> tombstones, Optional<Instant> staleSince) {

    /** What the topic holds for one key: enough to decide what a new snapshot replaces. */
    public record Held(String accountId, SnapshotSource source, Instant snapshotTime) {
    }

    public InventoryPlan {
        upserts = List.copyOf(upserts);
        tombstones = List.copyOf(tombstones);
    }

    public static InventoryPlan of(InventorySnapshot snapshot, Map<String, Held> held) {
        Optional<Instant> newer = held.values().stream()
                .filter(h -> h.accountId().equals(snapshot.accountId()) && h.source() == snapshot.source())
                .map(Held::snapshotTime).filter(time -> time.isAfter(snapshot.takenAt())).max(Instant::compareTo);
        if (newer.isPresent()) {
            return new InventoryPlan(List.of(), List.of(), newer);
        }
        Set<String> listed = snapshot.entities().stream().map(InventoryEntity::key).collect(Collectors.toSet());
        List<String> gone = held.entrySet().stream()
                .filter(e -> e.getValue().accountId().equals(snapshot.accountId())
                        && e.getValue().source() == snapshot.source() && !listed.contains(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
        return new InventoryPlan(snapshot.entities(), gone, Optional.empty());
    }
}
