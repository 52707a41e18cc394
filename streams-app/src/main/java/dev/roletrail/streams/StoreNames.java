package dev.roletrail.streams;

/** Names of the state stores, shared by the topology, the query API and the test that pins them. */
public final class StoreNames {

    /** Window store. Key: CloudTrail eventID. Value: event time. Retention: the dedup grace. */
    public static final String SEEN_EVENT_IDS = "seen-event-ids";

    /** Key: temporary access key id. Value: {@code Session}. */
    public static final String SESSIONS = "sessions";

    /** Key: principal id. Value: {@code PrincipalProfile}. */
    public static final String PRINCIPAL_PROFILES = "principal-profiles";

    /** Key: {@code AccessEdge.key(assumer, role)}. Value: {@code AccessEdge}. */
    public static final String ACCESS_EDGES = "access-edges";

    /** Key: alert suppression key (detector and entity). Value: {@code SuppressionState}. */
    public static final String ALERT_SUPPRESSION = "alert-suppression";

    private StoreNames() {
    }
}
