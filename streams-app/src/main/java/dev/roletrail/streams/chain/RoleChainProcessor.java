package dev.roletrail.streams.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.detect.EventEvidence;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.state.StoreNames;

/**
 * Remembers the chain paths each role has extended (store {@code chain-paths}: key {@code role \0 path} → first
 * seen; key {@code role \0} → first chaining at all; key {@code role \0 \1} → the latest first sighting of a path
 * still pending) and asks the role-chain detector about every role session that assumes another role. New paths that
 * came while the role seemed to be learning wait in {@code chain-pending} ({@link PendingChainPath}) until the role's
 * earlier chaining shows the learning was over (then they are alerted), or for a learning period of the role's later
 * chaining (then they go). Input: observations keyed by principal. Output: alerts keyed by alert id.
 */
public final class RoleChainProcessor implements Processor<String, Observation, String, Alert> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final RoleChainDetector detector;
    private ProcessorContext<String, Alert> context;
    private DecodedCache<Long> paths;
    private DecodedCache<PendingChainPath> pending;

    public RoleChainProcessor(RoleChainDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.paths = DecodedCache.of(context, StoreNames.CHAIN_PATHS);
        this.pending = DecodedCache.of(context, StoreNames.CHAIN_PENDING);
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
        detector.pendingWhileLearning(issued, instant(pathFirst), instant(chainFirst), observation)
                .ifPresent(path -> keepPending(role, pathKey, path));
        long at = observation.event().eventTime().toEpochMilli();
        if (pathFirst == null || at < pathFirst) {
            paths.put(pathKey, at);
            PendingChainPath waiting = pathFirst == null ? null : pending.get(pathKey);
            if (waiting != null) {
                pending.put(pathKey, waiting.firstSeenBy(EventEvidence.of(observation)));
            }
        }
        if (chainFirst == null || at < chainFirst) {
            paths.put(chainKey, at);
        }
        if (chainFirst != null && at < chainFirst) {
            alertLearnedPending(role, Instant.ofEpochMilli(at));
        }
        forgetPendingWaitedOut(role, at);
    }

    private void keepPending(String role, String pathKey, PendingChainPath path) {
        pending.put(pathKey, path);
        Long latest = paths.get(pendingMarker(role));
        long firstAt = path.firstAt().toEpochMilli();
        if (latest == null || latest < firstAt) {
            paths.put(pendingMarker(role), firstAt);
        }
    }

    /** The role's first chaining moved back: pending paths that came a learning period or more after it alert. */
    private void alertLearnedPending(String role, Instant chainFirst) {
        for (KeyValue<String, PendingChainPath> entry : pendingOf(role)) {
            PendingChainPath path = entry.value;
            if (detector.learned(chainFirst, path.firstAt())) {
                pending.delete(entry.key);
                Alert alert = detector.alert(path, chainFirst);
                context.forward(new Record<>(alert.id(), alert, path.firstAt().toEpochMilli()));
            }
        }
    }

    /** Once the role chains a learning period after its latest pending path's first, none is waited for any more. */
    private void forgetPendingWaitedOut(String role, long at) {
        Long latest = paths.get(pendingMarker(role));
        if (latest == null || at - latest < detector.learningPeriod().toMillis()) {
            return;
        }
        pendingOf(role).forEach(entry -> pending.delete(entry.key));
        paths.delete(pendingMarker(role));
    }

    private List<KeyValue<String, PendingChainPath>> pendingOf(String role) {
        List<KeyValue<String, PendingChainPath>> found = new ArrayList<>();
        try (KeyValueIterator<String, PendingChainPath> range = pending.store().prefixScan(role + "\u0000", KEYS)) {
            range.forEachRemaining(found::add);
        }
        return found;
    }

    private static String pendingMarker(String role) {
        return role + "\u0000\u0001";
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
