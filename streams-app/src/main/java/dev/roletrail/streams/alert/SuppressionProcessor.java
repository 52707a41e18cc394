package dev.roletrail.streams.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.DueIndex;
import dev.roletrail.streams.time.EndOfInput;
import dev.roletrail.streams.time.StreamTicks;
import dev.roletrail.streams.time.WorkReport;

/**
 * One alert per detector and entity per suppression window: the first goes out at once; repeats inside the window
 * are counted, and when the window closes (in stream time) the alert goes out once more, same id, with the total
 * count. Once the {@link EndOfInput} is signalled, no later event will close a window: every window with repeats not
 * yet reported sends its summary at once, and again only if more repeats come.
 * <p>
 * A closed window is kept for a day of stream time: an alert of its time that arrives late (another detector path
 * that reached the same alert through a repartition, a call held for its session) is counted as a repeat, and a summary
 * goes out again when the window is finally forgotten, instead of the same alert going out a second time as if new.
 * Each live alert sent asks for a commit soon after ({@link CommitPrompt}). Input key: suppression key. Output key:
 * alert id.
 */
public final class SuppressionProcessor implements Processor<String, Alert, String, Alert> {

    private static final Duration CHECK_EVERY = Duration.ofMinutes(5);
    private static final Duration KEEP_CLOSED = Duration.ofDays(1);

    private final Duration window;
    private final EndOfInput endOfInput;
    private final CommitPrompt prompt = new CommitPrompt();
    private final WorkReport work;
    /** Whether an alert came since the last end-of-input summaries (memory only: after a start, assume so). */
    private boolean alertSinceSummaries = true;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, SuppressionState> states;
    private DueIndex windowEnds;
    /**
     * Stream time, run by the records ({@link StreamTicks}): windows are in event time, so a replay closes them exactly
     * as the live run did, between the same two alerts.
     */
    private final StreamTicks checks = new StreamTicks(CHECK_EVERY);

    /** @param endOfInput once signalled, open windows report their repeats without waiting to close */
    public SuppressionProcessor(Duration window, EndOfInput endOfInput) {
        this.window = window;
        this.endOfInput = endOfInput;
        this.work = new WorkReport(endOfInput);
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(StoreNames.ALERT_SUPPRESSION);
        this.windowEnds = new DueIndex(context.getStateStore(StoreNames.ALERT_SUPPRESSION_TIMERS),
                StoreNames.ALERT_SUPPRESSION, CHECK_EVERY);
        // Wall clock: at the end of input stream time stands still, and windows would never close.
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, wall -> summariesAtEndOfInput());
        prompt.init(context);
        // After the end of input, an alert consumed is a summary still to send from the punctuation.
        work.start("suppress-repeats " + context.taskId(), alertSinceSummaries);
    }

    @Override
    public void close() {
        work.close();
    }

    @Override
    public void process(Record<String, Alert> record) {
        if (checks.advance(record.timestamp())) {
            closeWindows(checks.tick());
        }
        alertSinceSummaries = true;
        work.report(true);
        Alert alert = record.value();
        SuppressionState state = states.get(record.key());
        if (state != null && alert.firstEventTime().isBefore(state.windowEnd())) {
            if (!alert.id().equals(state.first().id())) {
                states.put(record.key(), state.repeat(alert.lastEventTime()));
            }
            return;
        }
        if (state != null && state.unsentRepeats()) {
            emit(state.summary(), record.timestamp());
        }
        if (window.isZero()) {
            emit(alert, record.timestamp());
            return;
        }
        SuppressionState opened = SuppressionState.open(alert, alert.firstEventTime().plus(window));
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
            if (state.unsentRepeats()) {
                emit(state.summary(), streamTime);
            }
            Instant forgetAt = state.windowEnd().plus(KEEP_CLOSED);
            if (forgetAt.isAfter(now)) {
                states.put(key, state.summarySent());
                windowEnds.add(key, forgetAt);
            } else {
                states.delete(key);
            }
        }
    }

    /** Each open window's summary, if it counts repeats none sent so far did; the windows stay open. */
    private void summariesAtEndOfInput() {
        if (!endOfInput.signalled() || !alertSinceSummaries) {
            return;
        }
        alertSinceSummaries = false;
        work.report(false);
        Map<String, SuppressionState> unsent = new LinkedHashMap<>();
        try (KeyValueIterator<String, SuppressionState> all = states.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.unsentRepeats()) {
                    unsent.put(entry.key, entry.value);
                }
            });
        }
        long streamTime = context.currentStreamTimeMs();
        unsent.forEach((key, state) -> {
            states.put(key, state.summarySent());
            emit(state.summary(), streamTime);
        });
    }

    private void emit(Alert alert, long timestamp) {
        context.forward(new Record<>(alert.id(), alert, timestamp));
        prompt.alerted(timestamp);
    }
}
