package dev.roletrail.streams.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.Sessions;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.DueIndex;
import dev.roletrail.streams.time.StreamTicks;

/**
 * Owns where each temporary key was first used and which clients each role's sessions use. Events signed with a
 * temporary key all belong to the session's principal, so both stores sit in that principal's task.
 * Input: observations keyed by principal. Output: alerts keyed by alert id.
 */
public final class SessionUseProcessor implements Processor<String, Observation, String, Alert> {

    private static final int CLIENT_CAP = 32;
    private static final Duration KEEP_KEYS = Duration.ofDays(2);
    private static final Duration FORGET_EVERY = Duration.ofHours(1);

    private final SessionCredentialNetworkChangeDetector detector;
    private ProcessorContext<String, Alert> context;
    private DecodedCache<SessionUse> uses;
    private DecodedCache<RoleClients> clients;
    private DueIndex usesDue;
    /**
     * Stream time, run by the records ({@link StreamTicks}): sessions last hours, so a key unused for two days of event
     * time will not be seen again.
     */
    private final StreamTicks ticks = new StreamTicks(FORGET_EVERY);

    public SessionUseProcessor(SessionCredentialNetworkChangeDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.uses = DecodedCache.of(context, StoreNames.SESSION_USE);
        this.clients = DecodedCache.of(context, StoreNames.ROLE_CLIENTS);
        this.usesDue = new DueIndex(context.getStateStore(StoreNames.TIMERS), StoreNames.SESSION_USE,
                FORGET_EVERY);
    }

    /** A key is indexed once, when first seen; one still in use when due is simply indexed again. */
    private void forgetOldKeys(long streamTime) {
        usesDue.expireDue(Instant.ofEpochMilli(streamTime), uses::get, use -> use.lastUsed().plus(KEEP_KEYS),
                uses::delete);
    }

    @Override
    public void process(Record<String, Observation> record) {
        if (ticks.advance(record.timestamp())) {
            forgetOldKeys(ticks.tick());
        }
        Observation observation = record.value();
        if (!observation.temporaryKey()) {
            return;
        }
        String keyId = observation.accessKeyId();
        String role = observation.principal().id();
        SessionUse useBefore = uses.get(keyId);
        RoleClients clientsBefore = clients.get(role);
        detector.evaluate(useBefore, clientsBefore, observation)
                .ifPresent(alert -> context.forward(new Record<>(alert.id(), alert, record.timestamp())));

        Instant at = observation.event().eventTime();
        String network = observation.network();
        if (useBefore != null) {
            uses.put(keyId, useBefore.use(at));
        } else if (!Sessions.isServiceNetwork(network)) {
            uses.put(keyId, new SessionUse(keyId, network, at, at));
            usesDue.add(keyId, at.plus(KEEP_KEYS));
        }
        if (Sessions.isWorkloadSession(observation)) {
            String family = observation.userAgentFamily();
            RoleClients next = clientsBefore == null
                    ? new RoleClients(role, List.of(family), at)
                    : clientsBefore.with(family, CLIENT_CAP);
            if (next != clientsBefore) {
                clients.put(role, next);
            }
        }
    }
}
