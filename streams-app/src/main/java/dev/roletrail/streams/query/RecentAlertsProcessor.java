package dev.roletrail.streams.query;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.state.StoreNames;

/**
 * Keeps the alerts sent, for the query API and the weekly report: {@code recent-alerts}, key alert id, at the
 * alert's first event time. A window store, because its retention drops whole old segments as event time moves on,
 * which bounds the store without a punctuator; a repeat of an alert (same id, same first event time) overwrites it.
 */
public final class RecentAlertsProcessor implements Processor<String, Alert, Void, Void> {

    private WindowStore<String, Alert> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StoreNames.RECENT_ALERTS);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        if (alert != null) {
            store.put(alert.id(), alert, alert.firstEventTime().toEpochMilli());
        }
    }
}
