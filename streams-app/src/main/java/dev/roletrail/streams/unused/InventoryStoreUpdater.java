package dev.roletrail.streams.unused;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.state.StoreNames;

/**
 * Keeps the global {@code inventory} store equal to the compacted inventory topic: a tombstone deletes. Counts each
 * change, so the findings tasks know their remembered evaluations may no longer hold.
 */
public final class InventoryStoreUpdater implements Processor<String, InventoryEntity, Void, Void> {

    private final InventoryChanges changes;
    private KeyValueStore<String, InventoryEntity> inventory;

    public InventoryStoreUpdater(InventoryChanges changes) {
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.inventory = context.getStateStore(StoreNames.INVENTORY);
    }

    @Override
    public void process(Record<String, InventoryEntity> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            inventory.delete(record.key());
        } else {
            inventory.put(record.key(), record.value());
        }
        changes.changed();
    }
}
