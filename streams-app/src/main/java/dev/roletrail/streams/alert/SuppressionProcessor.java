package dev.roletrail.streams.alert;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.StoreNames;
import dev.roletrail.streams.time.DueIndex;

/**
 * One alert per detector and entity per suppression window: the first goes out at once; repeats inside the window
 * are counted, and when the window closes (in stream time) the alert goes out once more, same id, with the total
 * count. Input key: suppression key. Output key: alert id.
 */
public final class SuppressionProcessor implements Processor<String, Alert, String, Alert> {

    private static final Duration CHECK_EVERY = Duration.ofMinutes(5);

    private final Duration window;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, SuppressionState> states;
    private DueIndex windowEnds;

    public SuppressionProcessor(Duration window) {
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(StoreNames.ALERT_SUPPRESSION);
        this.windowEnds = new DueIndex(context.getStateStore(StoreNames.ALERT_SUPPRESSION_TIMERS),
                StoreNames.ALERT_SUPPRESSION);
        // Stream time: windows are in event time, so a replay closes them exactly as the live run did.
        context.schedule(CHECK_EVERY, PunctuationType.STREAM_TIME, this::closeWindows);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        SuppressionState state = states.get(record.key());
        if (state != null && alert.firstEventTime().isBefore(state.windowEnd())) {
            if (!alert.id().equals(state.first().id())) {
                states.put(record.key(), state.repeat(alert.lastEventTime()));
            }
            return;
        }
        if (state != null && state.repeats() > 0) {
            emit(state.summary(), record.timestamp());
        }
        if (window.isZero()) {
            emit(alert, record.timestamp());
            return;
        }
        SuppressionState opened = new SuppressionState(alert, alert.firstEventTime().plus(window), 0, null);
        states.put(record.key(), opened);
        windowEnds.add(record.key(), opened.windowEnd());
        emit(alert, record.timestamp());
    }

    private void closeWindows(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        for (String key : windowEnds.takeDue(now)) {
            SuppressionState state = states.get(key);
            if (state == null) {
                continue;
            }
            if (state.windowEnd().isAfter(now)) {
                windowEnds.add(key, state.windowEnd()); // a later window of the same key
                continue;
            }
            if (state.repeats() > 0) {
                emit(state.summary(), streamTime);
            }
            states.delete(key);
        }
    }

    private void emit(Alert alert, long timestamp) {
        context.forward(new Record<>(alert.id(), alert, timestamp));
    }
}
