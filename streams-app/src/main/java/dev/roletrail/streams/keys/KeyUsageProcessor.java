package dev.roletrail.streams.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * Owns the usage of every long-term access key (store {@code key-usage}, key: access key id) and asks each key
 * detector about a call before recording it. A long-term key belongs to one principal and events are keyed by their
 * principal, so a key's usage lives in its owner's task. Input: observations keyed by principal. Output: alerts keyed
 * by alert id.
 */
public final class KeyUsageProcessor implements Processor<String, Observation, String, Alert> {

    private final List<KeyUsageDetector> detectors;
    private final int maxNetworks;
    private final Duration retention;
    private ProcessorContext<String, Alert> context;
    private DecodedCache<KeyUsage> keys;
    private DueIndex keysDue;
    /** Stream time, run by the records ({@link StreamTicks}): a replay does it at the same points of the data. */
    private final StreamTicks ticks = new StreamTicks(DueIndex.RETENTION_CHECKS);

    /**
     * @param maxNetworks how many networks each key remembers
     * @param retention   how long after a key's last use its networks are kept
     */
    public KeyUsageProcessor(List<KeyUsageDetector> detectors, int maxNetworks, Duration retention) {
        this.detectors = List.copyOf(detectors);
        this.maxNetworks = maxNetworks;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.keys = DecodedCache.of(context, StoreNames.KEY_USAGE);
        this.keysDue = new DueIndex(context.getStateStore(StoreNames.TIMERS), StoreNames.KEY_USAGE,
                DueIndex.RETENTION_CHECKS);
    }

    private void reduceUnused(long streamTime) {
        keysDue.settleDue(Instant.ofEpochMilli(streamTime), keys::get,
                usage -> usage.networks().isEmpty() ? null : usage.lastUsed().plus(retention),
                (keyId, usage) -> keys.put(keyId, usage.reduced()));
    }

    @Override
    public void process(Record<String, Observation> record) {
        if (ticks.advance(record.timestamp())) {
            reduceUnused(ticks.tick());
        }
        Observation observation = record.value();
        if (!observation.longTermKey()) {
            return;
        }
        String keyId = observation.accessKeyId();
        KeyUsage before = keys.get(keyId);
        for (KeyUsageDetector detector : detectors) {
            detector.evaluate(before, observation)
                    .ifPresent(alert -> context.forward(new Record<>(alert.id(), alert, record.timestamp())));
        }
        Instant at = observation.event().eventTime();
        KeyUsage after = before == null
                ? KeyUsage.first(keyId, observation.principal().id(), at, observation.network(),
                        observation.userAgentFamily(), maxNetworks)
                : before.use(at, observation.network(), observation.userAgentFamily(), maxNetworks);
        keys.put(keyId, after);
        if (before == null || before.networks().isEmpty()) {
            keysDue.add(keyId, after.lastUsed().plus(retention));
        }
    }
}
