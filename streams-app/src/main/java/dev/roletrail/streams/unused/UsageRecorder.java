package dev.roletrail.streams.unused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;

import dev.roletrail.streams.StoreNames;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.state.DecodedCache;

/**
 * Forwards each distinct usage signal once per day of event time, so the findings step sees every action, key and
 * assumer used each day without seeing every event. Per event: one small lookup (store {@code findings-signals-today},
 * key: the signal's signature, value: the epoch day it was last forwarded), a write only for the day's first sighting.
 * <p>
 * It also forwards a watermark with its first record and then hourly of stream time: the findings step gathers usage
 * from every upstream task into one partition, and evaluates a day only once every active upstream task has passed
 * it, so a task running ahead cannot make another's use look missing.
 * Input: observations keyed by principal. Output: {@link UsageSignal}s keyed by entity.
 */
public final class UsageRecorder implements Processor<String, Observation, String, UsageSignal> {

    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final UsageSignals signals;
    private ProcessorContext<String, UsageSignal> context;
    private DecodedCache<Long> today;
    private long purgedDay = Long.MIN_VALUE;
    private boolean announced;

    public UsageRecorder(UsageSignals signals) {
        this.signals = signals;
    }

    @Override
    public void init(ProcessorContext<String, UsageSignal> context) {
        this.context = context;
        // Looked up for every signal of every event, so the day's signatures stay decoded in memory.
        this.today = DecodedCache.of(context, StoreNames.FINDINGS_SIGNALS_TODAY);
        // Stream time, checked hourly: only the day's signatures are needed, so the store is emptied of older days
        // once a day of event time, however fast a backfill moves it.
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::onStreamTime);
    }

    @Override
    public void process(Record<String, Observation> record) {
        if (!announced) {
            announced = true;
            forwardWatermark(record.timestamp());
        }
        for (UsageSignal signal : signals.of(record.value())) {
            long day = Math.floorDiv(signal.at().toEpochMilli(), DAY_MS);
            String signature = signal.signature();
            Long forwarded = today.get(signature);
            if (forwarded == null || forwarded < day) {
                today.put(signature, day);
                context.forward(new Record<>(signal.entity(), signal, record.timestamp()));
            }
        }
    }

    private void onStreamTime(long streamTime) {
        forwardWatermark(streamTime);
        forgetOldDays(streamTime);
    }

    private void forwardWatermark(long streamTime) {
        UsageSignal watermark = UsageSignal.watermark(context.taskId().partition(), Instant.ofEpochMilli(streamTime));
        context.forward(new Record<>(watermark.entity(), watermark, streamTime));
    }

    private void forgetOldDays(long streamTime) {
        long day = Math.floorDiv(streamTime, DAY_MS);
        if (day <= purgedDay) {
            return;
        }
        purgedDay = day;
        // A day of slack: yesterday's late events still find their signature.
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = today.store().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value < day - 1) {
                    old.add(entry.key);
                }
            });
        }
        old.forEach(today::delete);
    }
}
