package dev.roletrail.streams.identity;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.Principals;
import dev.roletrail.schemas.cloudtrail.UserIdentity;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.StoreNames;

/**
 * Session lineage. Remembers every session it sees issued (store {@code sessions}, key: temporary key id) and gives
 * each event the lineage of the session it was signed in. An event that issues credentials also yields the new
 * session, keyed by the principal it acts as, which the topology writes to {@code roletrail.sessions} and reads back
 * in the task of that principal. Input and output keys: principal ids.
 */
public final class LineageProcessor implements Processor<String, LineageInput, String, LineageOutput> {

    /** Expired sessions are kept a little longer: CloudTrail delivers late, and a last call may trail expiry. */
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofHours(1);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(15);

    private ProcessorContext<String, LineageOutput> context;
    private KeyValueStore<String, Session> sessions;

    @Override
    public void init(ProcessorContext<String, LineageOutput> context) {
        this.context = context;
        this.sessions = context.getStateStore(StoreNames.SESSIONS);
        // Stream time, not wall clock: a replay of last month must expire sessions as they expired then.
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purgeExpired);
    }

    @Override
    public void process(Record<String, LineageInput> record) {
        LineageInput input = record.value();
        if (input.session() != null) {
            sessions.put(input.session().keyId(), input.session());
            return;
        }
        CloudTrailRecord event = input.event();
        Principal principal = Principals.of(event);
        Observation observation = new Observation(event, principal, lineageOf(event, principal));
        context.forward(record.withKey(principal.id()).withValue(new LineageOutput(observation, null)));
        SessionIssuance.from(observation).ifPresent(session ->
                context.forward(record.withKey(session.actingAs()).withValue(new LineageOutput(null, session))));
    }

    private Lineage lineageOf(CloudTrailRecord event, Principal principal) {
        UserIdentity identity = event.userIdentity();
        String keyId = identity == null ? null : identity.accessKeyId();
        if (keyId != null && keyId.startsWith("ASIA")) {
            Session session = sessions.get(keyId);
            if (session != null && session.actingAs().equals(principal.id())) {
                return Lineage.of(session);
            }
        }
        String sourceIdentity = identity == null || identity.sessionContext() == null
                ? null : identity.sessionContext().sourceIdentity();
        return Lineage.direct(principal, sourceIdentity);
    }

    private void purgeExpired(long streamTime) {
        Instant horizon = Instant.ofEpochMilli(streamTime).minus(KEEP_AFTER_EXPIRY);
        try (KeyValueIterator<String, Session> all = sessions.all()) {
            while (all.hasNext()) {
                KeyValue<String, Session> entry = all.next();
                Instant expires = entry.value.expiresAt();
                if (expires != null && expires.isBefore(horizon)) {
                    sessions.delete(entry.key);
                }
            }
        }
    }
}
