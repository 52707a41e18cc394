package dev.roletrail.streams.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 * in the task of that principal.
 * <p>
 * A session comes back through a topic, so the first calls of a new session can reach this processor before the
 * session does. Events signed with a temporary key not known yet are therefore held (store {@code held-events}) for
 * up to the hold time of stream time; the session's arrival releases them with their lineage, the hold's end
 * releases them without. This keeps a replay's lineage the same as the live run's. Input and output keys:
 * principal ids.
 */
public final class LineageProcessor implements Processor<String, LineageInput, String, LineageOutput> {

    /** Expired sessions are kept a little longer: CloudTrail delivers late, and a last call may trail expiry. */
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofHours(1);
    /** Released markers live about as long as the longest session, so an old key does not wait again. */
    private static final Duration KEEP_RELEASED = Duration.ofHours(36);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    private static final int MAX_HELD_PER_KEY = 200;

    private final Duration hold;
    private ProcessorContext<String, LineageOutput> context;
    private KeyValueStore<String, Session> sessions;
    private KeyValueStore<String, HeldEvents> held;

    public LineageProcessor(Duration hold) {
        this.hold = hold;
    }

    @Override
    public void init(ProcessorContext<String, LineageOutput> context) {
        this.context = context;
        this.sessions = context.getStateStore(StoreNames.SESSIONS);
        this.held = context.getStateStore(StoreNames.HELD_EVENTS);
        // Stream time, not wall clock: a replay of last month must release and expire exactly as the live run did.
        context.schedule(CHECK_EVERY, PunctuationType.STREAM_TIME, this::onStreamTime);
    }

    @Override
    public void process(Record<String, LineageInput> record) {
        LineageInput input = record.value();
        if (input.session() != null) {
            arrived(input.session());
            return;
        }
        CloudTrailRecord event = input.event();
        String keyId = temporaryKey(event);
        if (keyId == null || hold.isZero()) {
            emit(event, null);
            return;
        }
        Session session = sessions.get(keyId);
        if (session != null) {
            emit(event, session);
            return;
        }
        HeldEvents waiting = held.get(keyId);
        if (waiting != null && waiting.released()) {
            emit(event, null);
        } else if (waiting == null) {
            held.put(keyId, HeldEvents.hold(event, event.eventTime().plus(hold)));
        } else if (waiting.events().size() >= MAX_HELD_PER_KEY) {
            release(keyId, waiting.plus(event));
        } else {
            held.put(keyId, waiting.plus(event));
        }
    }

    private void arrived(Session session) {
        sessions.put(session.keyId(), session);
        HeldEvents waiting = held.get(session.keyId());
        if (waiting != null) {
            held.delete(session.keyId());
            waiting.events().forEach(event -> emit(event, session));
        }
    }

    private void emit(CloudTrailRecord event, Session session) {
        Principal principal = Principals.of(event);
        Lineage lineage = session != null && session.actingAs().equals(principal.id())
                ? Lineage.of(session)
                : Lineage.direct(principal, sourceIdentity(event));
        Observation observation = new Observation(event, principal, lineage);
        long timestamp = event.eventTime().toEpochMilli();
        context.forward(new Record<>(principal.id(), new LineageOutput(observation, null), timestamp));
        SessionIssuance.from(observation).ifPresent(issued ->
                context.forward(new Record<>(issued.actingAs(), new LineageOutput(null, issued), timestamp)));
    }

    private void release(String keyId, HeldEvents waiting) {
        held.put(keyId, waiting.markReleased());
        waiting.events().forEach(event -> emit(event, null));
    }

    private void onStreamTime(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        List<KeyValue<String, HeldEvents>> due = new ArrayList<>();
        try (KeyValueIterator<String, HeldEvents> all = held.all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.releaseAt().isAfter(now)) {
                    due.add(entry);
                }
            });
        }
        for (KeyValue<String, HeldEvents> entry : due) {
            if (!entry.value.released()) {
                release(entry.key, entry.value);
            } else if (entry.value.releaseAt().plus(KEEP_RELEASED).isBefore(now)) {
                held.delete(entry.key);
            }
        }
        purgeExpiredSessions(now.minus(KEEP_AFTER_EXPIRY));
    }

    private void purgeExpiredSessions(Instant horizon) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Session> all = sessions.all()) {
            all.forEachRemaining(entry -> {
                Instant expires = entry.value.expiresAt();
                if (expires != null && expires.isBefore(horizon)) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(sessions::delete);
    }

    private static String temporaryKey(CloudTrailRecord event) {
        UserIdentity identity = event.userIdentity();
        String keyId = identity == null ? null : identity.accessKeyId();
        return keyId != null && keyId.startsWith("ASIA") ? keyId : null;
    }

    private static String sourceIdentity(CloudTrailRecord event) {
        UserIdentity identity = event.userIdentity();
        return identity == null || identity.sessionContext() == null ? null : identity.sessionContext().sourceIdentity();
    }
}
