package dev.roletrail.streams.chain;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.state.StoreNames;

/**
 * Remembers the chain paths each role has extended (store {@code chain-paths}: key {@code role \0 path} → first
 * seen; key {@code role \0} → first chaining at all) and asks the role-chain detector about every role session that
 * assumes another role. Input: observations keyed by principal. Output: alerts keyed by alert id.
 */
public final class RoleChainProcessor implements Processor<String, Observation, String, Alert> {

    private final RoleChainDetector detector;
    private ProcessorContext<String, Alert> context;
    private DecodedCache<Long> paths;

    public RoleChainProcessor(RoleChainDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.paths = DecodedCache.of(context, StoreNames.CHAIN_PATHS);
    }

    @Override
    public void process(Record<String, Observation> record) {
        Observation observation = record.value();
        if (observation.principal().type() != PrincipalType.ROLE
                || !observation.event().eventName().startsWith("AssumeRole")) {
            return;
        }
        Session issued = observation.issuedSession().orElse(null);
        if (issued == null) {
            return;
        }
        String role = observation.principal().id();
        String pathKey = role + "\u0000" + String.join(">", issued.chain());
        String chainKey = role + "\u0000";
        Long pathFirst = paths.get(pathKey);
        Long chainFirst = paths.get(chainKey);
        detector.evaluate(issued, instant(pathFirst), instant(chainFirst), observation)
                .ifPresent(alert -> context.forward(new Record<>(alert.id(), alert, record.timestamp())));
        long at = observation.event().eventTime().toEpochMilli();
        if (pathFirst == null || at < pathFirst) {
            paths.put(pathKey, at);
        }
        if (chainFirst == null || at < chainFirst) {
            paths.put(chainKey, at);
        }
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
