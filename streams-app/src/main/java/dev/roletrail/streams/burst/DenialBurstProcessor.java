package dev.roletrail.streams.burst;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.DueIndex;
import dev.roletrail.streams.time.StreamTicks;

/**
 * Owns each principal's recent AssumeRole* calls (store {@code assume-attempts}) and asks the burst detector about
 * every call before recording it. Input: observations keyed by principal. Output: alerts keyed by alert id.
 */
public final class DenialBurstProcessor implements Processor<String, Observation, String, Alert> {

    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final AssumeRoleDeniedBurstDetector detector;
    private ProcessorContext<String, Alert> context;
    private DecodedCache<AssumeAttempts> attempts;
    private DueIndex attemptsDue;
    /**
     * Stream time, not wall clock, run by the records ({@link StreamTicks}): a principal's calls age out of the window
     * in event time, and a replay of last month must forget them just as the live run did.
     */
    private final StreamTicks ticks = new StreamTicks(PURGE_EVERY);

    public DenialBurstProcessor(AssumeRoleDeniedBurstDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.attempts = DecodedCache.of(context, StoreNames.ASSUME_ATTEMPTS);
        this.attemptsDue = new DueIndex(context.getStateStore(StoreNames.TIMERS), StoreNames.ASSUME_ATTEMPTS,
                PURGE_EVERY);
    }

    @Override
    public void process(Record<String, Observation> record) {
        if (ticks.advance(record.timestamp())) {
            purgeQuiet(ticks.tick());
        }
        Observation observation = record.value();
        observation.assumeRoleCall().ifPresent(call -> {
            String principal = observation.principal().id();
            AssumeAttempts before = attempts.get(principal);
            detector.evaluate(before, observation)
                    .ifPresent(alert -> context.forward(new Record<>(alert.id(), alert, record.timestamp())));
            AssumeAttempts after = detector.next(before, call);
            attempts.put(principal, after);
            if (before == null) {
                attemptsDue.add(principal, after.latest().plus(detector.window()));
            }
        });
    }

    /**
     * A principal whose latest call is a window behind stream time holds nothing an on-time call could add to. Each
     * principal is indexed when its attempts are first recorded; one still calling when due is indexed again.
     */
    private void purgeQuiet(long streamTime) {
        attemptsDue.expireDue(Instant.ofEpochMilli(streamTime), attempts::get,
                recorded -> recorded.latest().plus(detector.window()), attempts::delete);
    }
}
