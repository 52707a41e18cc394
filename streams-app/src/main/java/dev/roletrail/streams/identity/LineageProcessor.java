package dev.roletrail.streams.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.DueBucket;
import dev.roletrail.streams.time.DueIndex;
import dev.roletrail.streams.time.EndOfInput;
import dev.roletrail.streams.time.StreamTicks;
import dev.roletrail.streams.time.WallClockWait;

/**
 * Session lineage. Remembers every session it sees issued (store {@code sessions}, key: temporary key id) and gives
 * each event the lineage of the session it was signed in. An event that issues credentials also yields the new
 * session, keyed by the principal it acts as, which the topology writes to {@code roletrail.sessions} and reads back
 * in the task of that principal.
 * <p>
 * A session comes back through a topic, so the first calls of a new session can reach this processor before the
 * session does. Events signed with a temporary key not known yet are therefore held (store {@code held-events}) for
 * up to the hold time of stream time; the session's arrival releases them with their lineage, the hold's end
 * releases them without. This keeps a replay's lineage the same as the live run's. Input and output keys: principal
 * ids.
 * <p>
 * With an input of one partition this task issues every session and sees every call: each session is delivered here
 * at once, as its issuing event goes by, and its copy coming back through the topic is ignored, so calls wait only
 * for an issuing event the trail delivered late. Releases and expiry run from the records ({@link StreamTicks}, each
 * minute of stream time, before the record that enters it), not from a punctuation whose place among the records
 * depends on timing. So the same input gives the same observations in the same order, however it is batched and
 * however often the app restarts.
 * <p>
 * With several partitions, a backfill moves stream time by hours in the second it takes a session to come back
 * through the topic from another task (one commit), so the hold also lasts a minimum of wall-clock time; without it,
 * the later hops of a chain lost their origin in a backfill, depending on timing. When the hold began, and which
 * keys wait for the wall clock only, is kept in memory ({@link WallClockWait}): after a restart, the first stream-time
 * check finds the held keys whose stream-time hold is over, and they wait that minimum again, which can only help
 * their session arrive.
 * Stream time here is that of this task's own events: the sessions other tasks send carry their time, which in a
 * backfill or after a restart can be hours ahead of this task's input.
 * <p>
 * Holds must not depend on later traffic: at the end of a one-off input, or in a quiet account, nothing moves stream
 * time any more. So everything still held goes on without lineage, ignoring both holds, once the task has processed
 * no record for the idle-release time of wall-clock time, or at once when the {@link EndOfInput} is signalled: then no
 * session can arrive any more.
 */
public final class LineageProcessor implements Processor<String, LineageInput, String, LineageOutput> {

    /** Expired sessions are kept a little longer: CloudTrail delivers late, and a last call may trail expiry. */
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofHours(1);
    /** Released markers live about as long as the longest session, so an old key does not wait again. */
    private static final Duration KEEP_RELEASED = Duration.ofHours(36);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    /**
     * Sessions are forgotten hours after they expire, so their due times need no minute's precision: rows of ten
     * minutes share more keys, and so fewer changelog records, in traffic of a few sessions a minute.
     */
    private static final Duration SESSIONS_DUE_BUCKET = Duration.ofMinutes(10);
    private static final int MAX_HELD_PER_KEY = 200;

    private final Duration hold;
    /** Whether this is the only task (an input of one partition): every session is issued here. */
    private final boolean onlyTask;
    private final StreamTicks checks = new StreamTicks(CHECK_EVERY);
    private final Duration idleRelease;
    private final EndOfInput endOfInput;
    /** Since when each key still held waits, in wall-clock time. */
    private final WallClockWait heldWall;
    /** Wall-clock millis of the last record (event or session) this task processed, or of the start. */
    private long lastRecordWall;
    /** Whether everything held was released and no record came since: the next idle check has nothing to do. */
    private boolean releasedAllSinceLastRecord;
    private ProcessorContext<String, LineageOutput> context;
    private DecodedCache<Session> sessions;
    private DecodedCache<HeldEvents> held;
    private DueIndex heldDue;
    private DueIndex sessionsDue;

    /**
     * @param hold        how long, in stream time, events wait for their session
     * @param holdWall    the least they wait in wall-clock time, when sessions may come from other tasks
     * @param idleRelease after this much wall-clock time without a record, everything held goes on; zero: never
     * @param endOfInput  once signalled, everything held goes on at the next wall-clock check
     * @param inputPartitions partitions of the input topic (and of {@code roletrail.sessions}); 0: not known
     */
    public LineageProcessor(Duration hold, Duration holdWall, Duration idleRelease, EndOfInput endOfInput,
            int inputPartitions) {
        this.hold = hold;
        this.onlyTask = inputPartitions == 1;
        this.heldWall = new WallClockWait(onlyTask ? Duration.ZERO : holdWall);
        this.idleRelease = idleRelease;
        this.endOfInput = endOfInput;
    }

    @Override
    public void init(ProcessorContext<String, LineageOutput> context) {
        this.context = context;
        this.sessions = DecodedCache.of(context, StoreNames.SESSIONS);
        this.held = DecodedCache.of(context, StoreNames.HELD_EVENTS);
        KeyValueStore<String, DueBucket> timers = context.getStateStore(StoreNames.TIMERS);
        this.heldDue = new DueIndex(timers, StoreNames.HELD_EVENTS, CHECK_EVERY);
        this.sessionsDue = new DueIndex(timers, StoreNames.SESSIONS, SESSIONS_DUE_BUCKET);
        this.lastRecordWall = context.currentSystemTimeMs();
        heldWall.start(lastRecordWall);
        if (!hold.isZero()) {
            // Wall clock: it alone moves when no record comes. It releases what waited out its stream-time hold
            // before the wall-clock minimum was over, and everything held once no session can come any more.
            context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
        }
    }

    @Override
    public void process(Record<String, LineageInput> record) {
        // Any record, sessions included: while other tasks still send sessions, the backfill is not over (idle()).
        lastRecordWall = context.currentSystemTimeMs();
        releasedAllSinceLastRecord = false;
        LineageInput input = record.value();
        if (input.session() != null) {
            if (!onlyTask) {
                arrived(input.session()); // the only task delivered it to itself when it was issued
            }
            return;
        }
        // Stream time, not wall clock: a replay of last month must release and expire exactly as the live run did.
        // This task's own events' time alone: a session from another task carries that task's time, hours ahead of
        // this one's input in a backfill or after a restart, and expiring by it forgot sessions whose calls were
        // still to come here.
        if (checks.advance(record.timestamp())) {
            onStreamTime(checks.tick());
        }
        CloudTrailRecord event = input.event();
        String keyId = temporaryKey(event);
        if (keyId == null || hold.isZero()) {
            emit(event, null);
            return;
        }
        Session session = sessions.get(keyId);
        if (session != null && !provisional(session)) {
            emit(event, session);
            return;
        }
        HeldEvents waiting = held.get(keyId);
        if (waiting != null && waiting.released()) {
            emit(event, session);
        } else if (waiting == null) {
            HeldEvents first = HeldEvents.hold(event, event.eventTime().plus(hold));
            held.put(keyId, first);
            heldDue.add(keyId, first.releaseAt());
            heldWall.began(keyId, context.currentSystemTimeMs());
        } else if (waiting.events().size() >= MAX_HELD_PER_KEY) {
            release(keyId, waiting.plus(event));
        } else {
            held.put(keyId, waiting.plus(event));
        }
    }

    private void arrived(Session session) {
        Session known = sessions.get(session.keyId());
        if (provisional(session) && known != null) {
            return; // the caller's copy came first, or this is the same account-only copy again
        }
        sessions.put(session.keyId(), session);
        if (session.expiresAt() != null) {
            sessionsDue.add(session.keyId(), session.expiresAt().plus(KEEP_AFTER_EXPIRY));
        }
        if (provisional(session)) {
            return; // its calls keep waiting, up to their hold, for the caller's copy
        }
        HeldEvents waiting = held.get(session.keyId());
        heldWall.forget(session.keyId());
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
        observation.issuedSession().ifPresent(issued -> {
            context.forward(new Record<>(issued.actingAs(), new LineageOutput(null, issued), timestamp));
            if (onlyTask) {
                // Its copy through the topic would come back a commit or more later, at a place among the records
                // that depends on timing.
                arrived(issued);
            }
        });
    }

    /** The held calls go on with the session known by now: none, or an account-only copy's. */
    private void release(String keyId, HeldEvents waiting) {
        heldWall.forget(keyId);
        held.put(keyId, waiting.markReleased());
        Session known = sessions.get(keyId);
        waiting.events().forEach(event -> emit(event, known));
    }

    /**
     * A session whose origin is an account alone. An organisation trail logs a cross-account AssumeRole twice, with
     * the same new key: in the caller's account with the caller and its lineage, and in the role owner's account with
     * only the caller's account. Which copy comes back first through {@code roletrail.sessions} depends on timing, so
     * the owner's copy never replaces the caller's, and calls of its key wait for the caller's copy as for an unknown
     * key; once their hold is over they go on with the owner's copy (an account outside the trail sends no other).
     */
    private static boolean provisional(Session session) {
        return Principals.accountOnly(session.origin());
    }

    /** Releases held events whose hold is over, and forgets released markers and sessions long past. */
    private void onStreamTime(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        recoverWaitingForWallOnce(streamTime);
        for (String keyId : heldDue.takeDue(now)) {
            HeldEvents waiting = held.get(keyId);
            if (waiting == null) {
                continue; // the session arrived and took them
            }
            Instant forgetAt = forgetAt(waiting);
            if (waiting.releaseAt().isAfter(now)) {
                heldDue.add(keyId, waiting.releaseAt()); // a newer hold of the same key
            } else if (!waiting.released() && !heldWall.over(keyId, context.currentSystemTimeMs())) {
                // Off the index until released: a backfill runs many stream-time punctuations per wall-clock second.
                heldWall.awaitWall(keyId);
            } else if (!waiting.released()) {
                releaseAndForgetLater(keyId, waiting);
            } else if (forgetAt.isAfter(now)) {
                heldDue.add(keyId, forgetAt);
            } else {
                held.delete(keyId);
            }
        }
        sessionsDue.expireDue(now, sessions::get,
                session -> session.expiresAt() == null ? null : session.expiresAt().plus(KEEP_AFTER_EXPIRY),
                sessions::delete);
    }

    /**
     * Once per start: held keys whose stream-time hold is over are off the index, waiting for the wall clock, and that
     * wait is kept in memory only. Called from both punctuations, so a stream with no new records after a restart
     * still releases them; only once stream time is known (a task's is restored with its committed offsets).
     */
    private void recoverWaitingForWallOnce(long streamTime) {
        if (streamTime < 0 || !heldWall.recoverOnce()) {
            return;
        }
        Instant now = Instant.ofEpochMilli(streamTime);
        try (KeyValueIterator<String, HeldEvents> all = held.store().all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.released() && !entry.value.releaseAt().isAfter(now)) {
                    heldWall.awaitWall(entry.key);
                }
            });
        }
    }

    private void onWallClock(long wall) {
        if (endOfInput.signalled() || idle(wall)) {
            releaseAllHeld();
        } else {
            releaseWaitedForWall();
        }
    }

    /**
     * Wall clock, not stream time: stream time stands still while no record comes, which is exactly when a held
     * call's session can no longer be on its way. A session comes back through its topic within a commit, and the
     * tasks of a backfill keep within seconds of each other, so minutes without any record mean none is coming.
     */
    private boolean idle(long wall) {
        return !idleRelease.isZero() && wall - lastRecordWall >= idleRelease.toMillis();
    }

    /** Every key still held goes on without lineage, as a stream-time release does, both holds notwithstanding. */
    private void releaseAllHeld() {
        if (releasedAllSinceLastRecord) {
            return;
        }
        releasedAllSinceLastRecord = true;
        heldWall.clearAwaitingWall(); // nothing is left waiting for the wall clock, nor to recover
        Map<String, HeldEvents> waiting = new LinkedHashMap<>();
        try (KeyValueIterator<String, HeldEvents> all = held.store().all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.released()) {
                    waiting.put(entry.key, entry.value);
                }
            });
        }
        waiting.forEach(this::releaseAndForgetLater);
    }

    private void releaseWaitedForWall() {
        if (!heldWall.enabled()) {
            return;
        }
        recoverWaitingForWallOnce(context.currentStreamTimeMs());
        for (String keyId : heldWall.takeOver(context.currentSystemTimeMs())) {
            HeldEvents waiting = held.get(keyId);
            if (waiting != null && !waiting.released()) {
                releaseAndForgetLater(keyId, waiting);
            }
        }
    }

    /** Releases the held events, and indexes when the released marker left behind may go. */
    private void releaseAndForgetLater(String keyId, HeldEvents waiting) {
        release(keyId, waiting);
        heldDue.add(keyId, forgetAt(waiting));
    }

    private static Instant forgetAt(HeldEvents waiting) {
        return waiting.releaseAt().plus(KEEP_RELEASED);
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
