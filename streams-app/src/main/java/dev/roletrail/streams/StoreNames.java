package dev.roletrail.streams;

/** Names of the state stores, shared by the topology, the query API and the test that pins them. */
public final class StoreNames {

    /** Key: principal id. Value: {@code PrincipalProfile}. */
    public static final String PRINCIPAL_PROFILES = "principal-profiles";

    /** Key: {@code AccessEdge.key(assumer, role)}. Value: {@code AccessEdge}. */
    public static final String ACCESS_EDGES = "access-edges";

    private StoreNames() {
    }
}
