package dev.roletrail.streams.state;

/** Names of the state stores, shared by the topology, the query API and the test that pins them. */
public final class StoreNames {

    /** Window store. Key: CloudTrail eventID. Value: event time. Retention: the dedup grace. */
    public static final String SEEN_EVENT_IDS = "seen-event-ids";
    /** Records of the CloudTrail topic that reach no principal, counted by reason ({@link RecordExclusions}). */
    public static final String RECORD_EXCLUSIONS = "record-exclusions";

    /** Key: temporary access key id. Value: {@code Session}. */
    public static final String SESSIONS = "sessions";

    /** Key: temporary access key id. Value: {@code HeldEvents} (events waiting for their session). */
    public static final String HELD_EVENTS = "held-events";

    /** Key: principal id. Value: {@code PrincipalProfile}. */
    public static final String PRINCIPAL_PROFILES = "principal-profiles";

    /** Key: {@code AccessEdge.key(assumer, role)}. Value: {@code AccessEdge}. */
    public static final String ACCESS_EDGES = "access-edges";

    /** Key: temporary access key id. Value: {@code SessionUse} (first network, first and last use). */
    public static final String SESSION_USE = "session-use";

    /** Key: role ARN. Value: {@code RoleClients} (user-agent families of its instance-role sessions). */
    public static final String ROLE_CLIENTS = "role-clients";

    /**
     * Key: network. Value: {@code NetworkActivity} (long-term keys and workload sessions seen there). Named
     * "network-activity" when it kept whole observations.
     */
    public static final String NETWORK_ACTIVITY = "network-sharing";

    /** When networks fall quiet: {@code DueIndex} rows of network keys, in the network-keyed sub-topology. */
    public static final String NETWORK_ACTIVITY_DUE = "network-sharing-due-index";

    /** Key: principal id, then a role path. Value: first time that chain path was seen (epoch millis). */
    public static final String CHAIN_PATHS = "chain-paths";

    /** Key: as in {@link #CHAIN_PATHS}. Value: {@code PendingChainPath} (a new path that came while learning). */
    public static final String CHAIN_PENDING = "chain-pending";

    /** Key: role ARN. Value: {@code RoleFederation} (identity providers and subjects that assumed it). */
    public static final String ROLE_FEDERATION = "role-federation";

    /** Key: role ARN. Value: {@code RoleAssumers} (who assumed it lately, by account and kind of principal). */
    public static final String ROLE_ASSUMERS = "role-assumers";

    /** Key: long-term access key id. Value: {@code KeyUsage} (owner, first and last use, recent networks). */
    public static final String KEY_USAGE = "key-usage";

    /** Key: principal id. Value: {@code AssumeAttempts} (its AssumeRole* calls within the burst window). */
    public static final String ASSUME_ATTEMPTS = "assume-attempts";

    /** Key: principal id. Value: {@code AssumptionRate} (this hour's AssumeRole* calls, EWMA mean and variance). */
    public static final String ASSUMPTION_RATES = "assumption-rates";

    /** Key: alert suppression key (detector and entity). Value: {@code SuppressionState}. */
    public static final String ALERT_SUPPRESSION = "alert-suppression";

    /**
     * When entries of the principal-keyed stores fall due (held events, sessions, session use, assume attempts):
     * {@code DueIndex} rows, one index name per store. Key: index name and minute. Value: {@code DueBucket}, the
     * entry keys due in that minute. (Named "timers" when it held one row per entry key, in another format.)
     */
    public static final String TIMERS = "due-index";

    /** When suppression windows close: {@code DueIndex} rows of suppression keys. */
    public static final String ALERT_SUPPRESSION_TIMERS = "alert-suppression-due-index";

    /** KTable over {@code roletrail.findings}. Key: finding id. Value: {@code Finding} (latest evaluation). */
    public static final String FINDINGS = "findings";

    /**
     * KTable over {@code roletrail.identities}. Key: identity id. Value: {@code Identity} (latest view; a tombstone
     * removes it).
     */
    public static final String IDENTITIES = "identities";

    /**
     * Window store of the alerts sent. Key: alert id. Value: {@code Alert}, at its first event time. Retention:
     * {@code query.alerts-retention} of event time, which bounds it.
     */
    public static final String RECENT_ALERTS = "recent-alerts";

    /** Global store over {@code roletrail.reports}. Key: {@code <iso-week>/<scope>}. Value: the report JSON. */
    public static final String REPORTS = "reports";

    /**
     * Global store, fed by {@code roletrail.inventory}. Key: the inventory key (entity ARN, {@code <arn>#credentials}
     * for credential-report rows). Value: {@code InventoryEntity}.
     */
    public static final String INVENTORY = "inventory";

    /** Key: role, user or root ARN. Value: {@code EntityUsage} (actions, keys, assumers with their latest use). */
    public static final String FINDINGS_USAGE = "findings-usage";

    /** Key: {@code AssumerActions.key(role, assumer)}. Value: {@code AssumerActions} (actions used per assumer). */
    public static final String FINDINGS_ASSUMER_ACTIONS = "findings-assumer-actions";

    /**
     * Key: {@code <entity key> NUL <finding id>}, the entity key as the inventory's (a role used but not inventoried:
     * its ARN). Value: the open {@code Finding} as last emitted.
     */
    public static final String FINDINGS_OPEN = "findings-open";

    /**
     * Key: {@code <entity key> NUL <identity id>}, the entity key as for {@link #FINDINGS_OPEN}. Value: the
     * {@code Identity} view as last emitted.
     */
    public static final String FINDINGS_IDENTITIES = "findings-identities";

    /**
     * Key: {@code observed-since}, {@code evaluated-day} or {@code watermark:<upstream partition>}. Value: epoch millis,
     * or epoch day for {@code evaluated-day}.
     */
    public static final String FINDINGS_CLOCK = "findings-clock";

    /** Key: {@code pass}, while an evaluation is in progress. Value: {@code EvaluationPass} (its day and cursor). */
    public static final String FINDINGS_PASS = "findings-pass";

    /**
     * Key: a sequence number of 19 digits. Value: a {@code UsageSignal} (use or watermark) that came while a pass was
     * in progress, until the pass is over.
     */
    public static final String FINDINGS_PENDING = "findings-pending";

    /**
     * In the task of the input, beside {@code UsageRecorder}. Key: the epoch day (8 hex digits) and the hash of a usage
     * signal's signature (16). Value: the signal's latest use that day, until the day is over and it goes out.
     */
    public static final String USAGE_LATEST = "usage-latest";

    private StoreNames() {
    }
}
