package dev.roletrail.ingest.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.SnapshotSource;

/**
 * One account's snapshot of one kind, as read from a file or object.
 *
 * @param origin where it was read from, for logs
 */
public record InventorySnapshot(String origin, String accountId, SnapshotSource source, Instant takenAt,
        List<InventoryEntity> entities) {

    public InventorySnapshot {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(takenAt, "takenAt");
        entities = List.copyOf(entities);
    }
}
