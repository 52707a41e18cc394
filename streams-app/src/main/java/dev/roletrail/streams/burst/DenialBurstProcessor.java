package dev.roletrail.streams.burst;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.StoreNames;
import dev.roletrail.streams.detect.AssumeRoleDeniedBurstDetector;
import dev.roletrail.streams.identity.AssumeRoleCall;
import dev.roletrail.streams.identity.Observation;

/**
 * Owns each principal's recent AssumeRole* calls (store {@code assume-attempts}) and asks the burst detector about
 * every call before recording it. Input: observations keyed by principal. Output: alerts keyed by alert id.
 */
public final class DenialBurstProcessor implements Processor<String, Observation, String, Alert> {

    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final AssumeRoleDeniedBurstDetector detector;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, AssumeAttempts> attempts;

    public DenialBurstProcessor(AssumeRoleDeniedBurstDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.attempts = context.getStateStore(StoreNames.ASSUME_ATTEMPTS);
        // Stream time, not wall clock: a principal's calls age out of the window in event time, and a replay of last
        // month must forget them just as the live run did.
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purgeQuiet);
    }

    @Override
    public void process(Record<String, Observation> record) {
        Observation observation = record.value();
        AssumeRoleCall.from(observation.event()).ifPresent(call -> {
            String principal = observation.principal().id();
            AssumeAttempts before = attempts.get(principal);
            detector.evaluate(before, observation)
                    .ifPresent(alert -> context.forward(new Record<>(alert.id(), alert, record.timestamp())));
            attempts.put(principal, detector.next(before, call));
        });
    }

    /** A principal whose latest call is a window behind stream time holds nothing an on-time call could add to. */
    private void purgeQuiet(long streamTime) {
        Instant horizon = Instant.ofEpochMilli(streamTime).minus(detector.window());
        List<String> quiet = new ArrayList<>();
        try (KeyValueIterator<String, AssumeAttempts> all = attempts.all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.latest().isAfter(horizon)) {
                    quiet.add(entry.key);
                }
            });
        }
        quiet.forEach(attempts::delete);
    }
}
