package dev.roletrail.streams.keys;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.StoreNames;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.detect.KeyUsageDetector;
import dev.roletrail.streams.identity.Observation;

/**
 * Owns the usage of every long-term access key (store {@code key-usage}, key: access key id) and asks each key
 * detector about a call before recording it. A long-term key belongs to one principal and events are keyed by their
 * principal, so a key's usage lives in its owner's task. Input: observations keyed by principal. Output: alerts keyed
 * by alert id.
 */
public final class KeyUsageProcessor implements Processor<String, Observation, String, Alert> {

    private final List<KeyUsageDetector> detectors;
    private final int maxNetworks;
    private ProcessorContext<String, Alert> context;
    private DecodedCache<KeyUsage> keys;

    /** @param maxNetworks how many networks each key remembers */
    public KeyUsageProcessor(List<KeyUsageDetector> detectors, int maxNetworks) {
        this.detectors = List.copyOf(detectors);
        this.maxNetworks = maxNetworks;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.keys = DecodedCache.of(context, StoreNames.KEY_USAGE);
    }

    @Override
    public void process(Record<String, Observation> record) {
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
        keys.put(keyId, before == null
                ? KeyUsage.first(keyId, observation.principal().id(), at, observation.network(), maxNetworks)
                : before.use(at, observation.network(), maxNetworks));
    }
}
